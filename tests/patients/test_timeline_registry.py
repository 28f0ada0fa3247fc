"""The timeline registry is in the base layer; each app registers its own source when it is
ready, so the clinic imports no source and no source imports the clinic."""

from __future__ import annotations

import ast
from pathlib import Path

from battrerygg.patients import timeline

SRC = Path(__file__).resolve().parents[2] / "src" / "battrerygg"
DOMAIN_APPS = ("care", "clinic", "diary", "groups", "plan", "programme", "proms", "redflags")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_every_app_registers_its_source_at_startup():
    assert [kind for kind, _label in timeline.kinds()] == [
        "care", "red_flags", "diary", "balance", "goals", "programme", "questionnaires",
        "groups"]
    for kind, registered in timeline.SOURCES.items():
        assert registered.source.__module__.endswith(".timeline"), kind


def test_the_registry_imports_no_domain_app():
    assert not {m for m in _imports(SRC / "patients" / "timeline.py")
                if m.split(".")[1:2] and m.split(".")[1] in DOMAIN_APPS}


def test_the_clinic_imports_no_source_and_no_source_imports_the_clinic():
    for path in (SRC / "clinic").rglob("*.py"):
        assert not {m for m in _imports(path) if m.endswith(".timeline")
                    and m != "battrerygg.patients.timeline"}, path
    for path in SRC.glob("*/timeline.py"):
        assert not {m for m in _imports(path) if m.startswith("battrerygg.clinic.")
                    or m == "battrerygg.clinic"}, path
