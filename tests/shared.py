"""Where ../shared/ is: BATTRERYGG_SHARED_DIR, else the folder beside the repository."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BATTRERYGG_SHARED_DIR") or REPO.parent / "shared")


def load_case_file(name: str) -> dict[str, Any]:
    """A JSON file of ../shared/cases/. Fails loudly if missing: the cases are the contract."""
    path = SHARED / "cases" / name
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found; set BATTRERYGG_SHARED_DIR to the folder holding cases/"
        )
    return json.loads(path.read_text(encoding="utf-8"))
