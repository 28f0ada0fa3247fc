"""CSV for Swedish Excel (SPEC T7): UTF-8 with a byte-order mark, ``;`` between cells,
CRLF between rows, a decimal comma; a text cell that a spreadsheet would read as a formula
(beginning with = + - @, a tab or a carriage return) is neutralised with a leading ``'``,
while numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | Decimal | None


def cell(value: Cell) -> str:
    """One cell's text: None is empty, an integer as is, a decimal number with a comma,
    text neutralised when it starts like a formula (``'=1+1``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return str(value).replace(".", ",")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def rows_to_csv(header: Iterable[str], rows: Iterable[Iterable[Cell]]) -> Iterator[str]:
    """The CSV text, a piece per row (the BOM and the header first), for a streaming
    response. Cells are quoted when they contain ``;``, quotes or line breaks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)

    def line(values: Iterable[Cell]) -> str:
        writer.writerow([cell(value) for value in values])
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield BOM + line(header)
    for row in rows:
        yield line(row)
