"""The patient's "who can see my data" page in plain words (SPEC §1: every change of who may
see a patient is shown to the patient): one sentence per audited change."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from battrerygg.audit.keys import What

ACCESS_KEYS = frozenset({
    What.CARE_RELATION, What.CARE_RELATION_END, What.TRANSFER_PROPOSED,
    What.TRANSFER_APPROVED, What.TRANSFER_DECLINED, What.TRANSFER_CANCELLED, What.CARE_REQUEST,
})
"""The audit keys of a change of who may see the patient."""


def _name(user: Any) -> str:
    return str(user) if user is not None else _("a physiotherapist")


def change_sentence(what: str, action: str, subject: Any, state: str = "") -> str:
    """One change in plain words. subject: the care relation (``care_relation*``), the
    transfer proposal (``care_relation.transfer.*``) or the request to care
    (``care_relation.request``) the row names, or None when it is gone; state: the
    request's answer (accepted / declined) for its update row."""
    if what in (What.CARE_RELATION, What.CARE_RELATION_END, What.CARE_REQUEST):
        who = _name(getattr(subject, "physiotherapist", None))
        clinic = str(getattr(subject, "clinic", "") or "–")
        words = {"who": who, "clinic": clinic}
        if what == What.CARE_RELATION_END:
            return _("%(who)s at %(clinic)s no longer cares for you and can no longer see "
                     "your data.") % words
        if what == What.CARE_REQUEST and action == "create":
            return _("%(who)s at %(clinic)s asked to care for you. They see nothing unless "
                     "you agree.") % words
        if what == What.CARE_REQUEST:
            if state == "accepted":
                return _("You agreed that %(who)s at %(clinic)s cares for you.") % words
            return _("You said no to care by %(who)s at %(clinic)s.") % words
        if action == "create":
            return _("%(who)s at %(clinic)s began caring for you and can see your data.") % words
        return _("Your care moved to %(who)s at %(clinic)s.") % words
    words = {"source": _name(getattr(subject, "from_physiotherapist", None)),
             "target": _name(getattr(subject, "to_physiotherapist", None))}
    if what == What.TRANSFER_PROPOSED:
        return _("A clinic admin proposed moving your care from %(source)s to %(target)s. "
                 "Nothing changes until a second person who treats you approves.") % words
    if what == What.TRANSFER_APPROVED:
        return _("The move of your care from %(source)s to %(target)s was approved.") % words
    if what == What.TRANSFER_DECLINED:
        return _("The move of your care from %(source)s to %(target)s was declined. Nothing "
                 "changed.") % words
    return _("The proposal to move your care from %(source)s to %(target)s was "
             "withdrawn.") % words
