"""Readability of Swedish text: LIX (läsbarhetsindex).

LIX = words / sentences + 100 × long words / words, where a long word has more than
six letters (Björnsson C-H, *Läsbarhet*, Stockholm: Liber 1968). Below 30 is very easy,
30–40 easy (children's books, plain-language texts), 40–50 medium (newspapers).
The product's target for its Swedish patient texts is LIX ≤ 40 (SPEC P1).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü0-9]+(?:-[A-Za-zÅÄÖåäöÉéÜü0-9]+)*")
_SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)")
_MARKUP = re.compile(r"[#*_>`\[\]()|]|^\s*[-+]\s+|^\s*\d+\.\s+", re.MULTILINE)


def lix(text: str) -> float:
    """LIX of a plain or Markdown text.

    text: any string; Markdown markup is ignored. Each line that ends without a full stop
    (a heading, a list item) counts as one sentence, as it reads as one.
    Returns a float ≥ 0. Raises ValueError when the text has no words.
    """
    words = 0
    long_words = 0
    sentences = 0
    for raw_line in text.splitlines():
        line = _MARKUP.sub(" ", raw_line).strip()
        line_words = _WORD.findall(line)
        if not line_words:
            continue
        words += len(line_words)
        long_words += sum(1 for w in line_words if len(w.replace("-", "")) > 6)
        ends = len(_SENTENCE_END.findall(line + " "))
        sentences += ends if line.rstrip()[-1] in ".!?:" else ends + 1
    if words == 0:
        raise ValueError("text has no words")
    return words / sentences + 100 * long_words / words
