"""What the tests told the running provider: the claims of each test user (by username).

One process, a few threads: a dict behind a lock is enough."""

from __future__ import annotations

import threading
from typing import Any

LOCK = threading.Lock()
CLAIMS: dict[str, dict[str, Any]] = {}
CONTROL_TOKEN = ""  # set by __main__; the control API refuses any other
