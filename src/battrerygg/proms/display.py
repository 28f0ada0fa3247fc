"""How an item is shown: installed official wording if there is one, else our own
(NRS, PSFS) or the construct and neutral option labels (licensed, for a paper form)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from battrerygg.clinical.instruments.base import Instrument, Item, ItemType, Licence
from battrerygg.proms import texts
from battrerygg.proms.models import InstalledWording


@dataclass(frozen=True)
class ItemView:
    number: int  # 1-based position
    item: Item
    text: str
    official: bool
    options: list[tuple[str, str]]  # (code, label)
    low: str
    high: str

    @property
    def link_id(self) -> str:
        return self.item.link_id

    @property
    def is_text(self) -> bool:
        return self.item.type is ItemType.STRING

    @property
    def is_scale(self) -> bool:
        return self.item.type is ItemType.INTEGER

    def label_of(self, answer: str | None) -> str:
        if not answer:
            return ""
        for code, label in self.options:
            if code == answer:
                return label
        return answer


def _number_in(item: Item) -> str:
    digits = "".join(ch for ch in item.link_id if ch.isdigit())
    return digits or "1"


def item_view(instrument: Instrument, number: int, wording: InstalledWording | None
              ) -> ItemView:
    item = instrument.items[number - 1]
    official = wording is not None and item.link_id in wording.items
    if official and wording is not None:
        text = wording.items[item.link_id]
    else:
        text = str(texts.QUESTIONS[(instrument.id, item.link_id)]) % {"number": _number_in(item)}
    options: list[tuple[str, str]] = []
    if item.type is ItemType.CHOICE:
        labels = (wording.options.get(item.link_id, {}) if official and wording else {})
        for n, option in enumerate(item.options, start=1):
            if option.code in labels:
                label = labels[option.code]
            elif instrument.id == "odi":
                label = str(texts.ODI_STATEMENT) % {"number": n, "value": option.value}
            else:
                label = str(texts.OPTIONS.get(option.code, option.code))
            options.append((option.code, label))
    elif item.type is ItemType.INTEGER:
        options = [(str(v), str(v)) for v in range(item.min_value, item.max_value + 1)]
    low = high = ""
    if item.type is ItemType.INTEGER:
        ends = wording.anchors.get(item.link_id) if official and wording else None
        if ends:
            low, high = ends["min"], ends["max"]
        elif instrument.id in texts.ANCHORS:
            low, high = (str(t) for t in texts.ANCHORS[instrument.id])
    return ItemView(number, item, text, official, options, low, high)


def all_items(instrument: Instrument, wording: InstalledWording | None) -> list[ItemView]:
    return [item_view(instrument, n, wording) for n in range(1, len(instrument.items) + 1)]


def needs_wording(instrument: Instrument, wording: InstalledWording | None) -> bool:
    """True when a licensed instrument is shown without its official wording."""
    return instrument.licence is Licence.LICENSED and wording is None


def title_of(instrument: Instrument, wording: InstalledWording | None) -> Any:
    return wording.title if wording is not None else texts.TITLES[instrument.id]
