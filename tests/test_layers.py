"""The layers of the code (docs/architecture.md, "Layers"), checked on the source.

Every import of every module under src/battrerygg counts, including those inside functions
and under ``if TYPE_CHECKING`` (a deferred import is still a dependency), and
``importlib.import_module`` with a literal name. Each failure names the file and the line.

- The base apps import no domain app, and each other only downward: accounts < audit <
  patients (audit names Patient and Clinic by string foreign keys and is handed objects).
- The shared helper modules import nothing of ours but the clinical core.
- No module imports another app's views (shared page plumbing has a module of its own).
- The clinical core imports only the standard library and itself.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import battrerygg

SRC = Path(battrerygg.__file__).parent
CORE = "clinical"
# Lowest first: each base app may import those before it, never those after.
BASE = ("accounts", "audit", "patients")
DOMAIN = frozenset({"care", "diary", "plan", "programme", "proms", "groups", "redflags",
                    "clinic", "guide", "interop", "web", "content", "sso"})
# Helper modules any app may import.
SHARED = frozenset({"submissions", "textcheck", "localtime"})
# The project's wiring, above every app.
PROJECT = frozenset({"__init__", "settings", "urls", "wsgi", "cli"})

# Pairs (file, views module of another app) allowed with a reason: none. Shared page
# plumbing lives in battrerygg.web.pages.
VIEWS_ALLOWED: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Import:
    """One module imported by one source file."""

    where: str  # "battrerygg/accounts/services.py:17"
    path: str  # "battrerygg/accounts/services.py"
    source: str  # the importing module, e.g. "battrerygg.accounts.services"
    target: str  # the imported module, e.g. "battrerygg.audit.services"

    def app(self) -> str:
        return self.source.split(".")[1]

    def target_app(self) -> str | None:
        parts = self.target.split(".")
        return parts[1] if parts[0] == "battrerygg" and len(parts) > 1 else None


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(dotted: str) -> bool:
    relative = Path(*dotted.split("."))
    return (SRC.parent / relative).with_suffix(".py").exists() or \
        (SRC.parent / relative / "__init__.py").exists()


def imports_of(text: str, module: str, *, is_package: bool = False, path: str = "<src>"
               ) -> Iterator[Import]:
    """Every module that ``text`` (the source of ``module``) imports, anywhere in it."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(text, path)):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            targets = [stem]
            # "from battrerygg.diary import views" imports the module battrerygg.diary.views.
            targets += [f"{stem}.{alias.name}" for alias in node.names
                        if stem.startswith("battrerygg") and _is_module(f"{stem}.{alias.name}")]
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and (isinstance(node.func, ast.Name) and node.func.id in ("import_module",
                                                                       "__import__")
                   or isinstance(node.func, ast.Attribute)
                   and node.func.attr == "import_module")):
            targets = [node.args[0].value]
        for target in targets:
            yield Import(f"{path}:{node.lineno}", path, module, target)


def all_imports() -> list[Import]:
    found = []
    for file in sorted(SRC.rglob("*.py")):
        rel = file.relative_to(SRC.parent).as_posix()
        found += imports_of(file.read_text(), _module_name(file),
                            is_package=file.name == "__init__.py", path=rel)
    return found


IMPORTS = all_imports()


def _ours(imp: Import) -> bool:
    return imp.target_app() is not None and imp.target_app() != imp.app()


def _is_views(module: str) -> bool:
    last = module.rsplit(".", 1)[-1]
    return last == "views" or last.startswith("views_") or last.endswith("_views")


def test_every_package_has_a_layer():
    """A new app or top-level module must be given a place (here and in the docs)."""
    known = {CORE, *BASE, *DOMAIN, *SHARED, *PROJECT}
    present = {p.stem for p in SRC.glob("*.py")} | {
        p.parent.name for p in SRC.glob("*/__init__.py")}
    assert sorted(present - known) == [], "add it to a layer in tests/test_layers.py"


def test_base_apps_import_no_domain_app_and_only_lower_base_apps():
    wrong = []
    for imp in IMPORTS:
        if imp.app() not in BASE or not _ours(imp):
            continue
        target = imp.target_app()
        lower = BASE[:BASE.index(imp.app())]
        if target in lower or target == CORE or target in SHARED:
            continue
        if target in BASE:
            why = f"{target} is above {imp.app()}: {' < '.join(BASE)}"
        elif target in DOMAIN:
            why = f"{target} is a domain app"
        else:
            why = f"{target} is not below the base apps"
        wrong.append(f"{imp.where}: {imp.app()} imports {imp.target} ({why})")
    assert not wrong, "\n".join(wrong)


def test_shared_modules_import_only_the_clinical_core():
    wrong = [f"{imp.where}: {imp.app()} imports {imp.target}"
             for imp in IMPORTS if imp.app() in SHARED and _ours(imp)
             and imp.target_app() != CORE]
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_another_apps_views():
    """Views import services, queries and the shared page module (battrerygg.web.pages),
    never another app's views."""
    wrong = [f"{imp.where}: {imp.source} imports {imp.target}"
             for imp in IMPORTS
             if _ours(imp) and imp.app() not in PROJECT and _is_views(imp.target)
             and (imp.path, imp.target) not in VIEWS_ALLOWED]
    assert not wrong, "\n".join(wrong)


def test_the_views_allowlist_is_current():
    """An allowed import that is gone must leave the allowlist too."""
    seen = {(imp.path, imp.target) for imp in IMPORTS}
    assert sorted(VIEWS_ALLOWED - seen) == [], "delete these from VIEWS_ALLOWED"


def test_the_clinical_core_imports_only_the_standard_library():
    wrong = []
    for imp in IMPORTS:
        if imp.app() != CORE:
            continue
        top = imp.target.split(".")[0]
        if imp.target_app() == CORE or (top != "battrerygg" and top in sys.stdlib_module_names):
            continue
        wrong.append(f"{imp.where}: clinical imports {imp.target}")
    assert not wrong, "\n".join(wrong)


def test_deferred_and_type_checking_imports_count():
    """The check sees imports wherever they are written."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from battrerygg.care.models import Invite\n"
        "def f():\n"
        "    from battrerygg.patients import access\n"
        "    import battrerygg.web.views\n"
        "    from ..diary import views\n"
        "    importlib.import_module('battrerygg.plan.queries')\n"
    )
    found = {(i.where, i.target)
             for i in imports_of(source, "battrerygg.audit.services", path="x.py")}
    assert {("x.py:3", "battrerygg.care.models"), ("x.py:5", "battrerygg.patients"),
            ("x.py:5", "battrerygg.patients.access"), ("x.py:6", "battrerygg.web.views"),
            ("x.py:7", "battrerygg.diary.views"), ("x.py:8", "battrerygg.plan.queries"),
            } <= found
