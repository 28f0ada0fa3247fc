"""The clinical core imports no Django (DESIGN.md): checked on the source and at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import battrerygg.clinical as clinical

CORE = Path(clinical.__file__).parent


def test_no_module_of_the_core_imports_django():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
    assert offenders == []


def test_importing_the_core_loads_no_django():
    code = (
        "import sys, pkgutil, importlib, battrerygg.clinical as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'battrerygg.clinical.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(any(name == 'django' or name.startswith('django.') for name in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
