"""The consent text the patient agrees to when enrolled (SPEC T2). Written by us, in
Swedish and English. A change of wording gets a new ``VERSION``; each consent stores the
version, language and the text itself, so the record shows exactly what was agreed."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

VERSION = "2026-11"

PARAGRAPHS = (
    _("BättreRygg is a care programme for low back pain run by your physiotherapist. It has "
      "a self-care guide, a pain diary, exercises, group sessions and questionnaires about "
      "your back."),
    _("We store what you enter (pain diary, plans, exercises, answers to questionnaires), "
      "your name, e-mail address and personal identity number, and what your "
      "physiotherapist records about your care."),
    _("Only you and the physiotherapists who care for you at your clinic see your data. "
      "Every time staff open your data it is logged, and you can see who has read it."),
    _("Taking part is voluntary. You can withdraw your consent at any time, without giving a "
      "reason, by telling your physiotherapist. Your care does not suffer if you do."),
)


def paragraphs(language: str) -> list[str]:
    """The consent text in ``language`` ("sv" or "en"), paragraph by paragraph."""
    with translation.override(language):
        return [str(p) for p in PARAGRAPHS]


def text(language: str) -> str:
    """The whole consent text in ``language``, as stored with a consent."""
    return "\n\n".join(paragraphs(language))
