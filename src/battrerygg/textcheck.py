"""Checks of free text typed into forms (names and the like)."""

from __future__ import annotations

import re

# C0 controls (U+0000-U+001F), DEL and C1 controls (U+007F-U+009F), bidirectional embeddings
# and overrides (U+202A-U+202E) and isolates (U+2066-U+2069): invisible characters that can
# hide or reorder what a name shows on screen.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_unsafe_characters(text: str) -> bool:
    """True when ``text`` holds a control character (U+0000-U+001F, U+007F-U+009F) or a
    bidirectional embedding, override or isolate (U+202A-U+202E, U+2066-U+2069). Tabs and
    line breaks count as control characters, so use it on one-line fields such as names."""
    return bool(_UNSAFE.search(text))
