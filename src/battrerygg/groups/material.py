"""The group education session's talking points, as slides the leader shows (SPEC T4).

Written by us in plain words; the facts follow the programme (SPEC P1, C1, C3): pain is
made sense of in the brain and the pain system can become oversensitive; imaging findings
do not match pain; back pain is common and usually benign, most episodes improve within
2–6 weeks; the pain-monitoring model (safe 0–2, acceptable 3–5, high risk 6–10, back to
the baseline within 24 hours); staying active and avoiding bed rest; back health as a
balance of capacity (posture, strength, flexibility, general fitness) and loads (physical
load, negative emotions, stress, thoughts about the pain).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Slide:
    """One screen: a short heading, at most four points and an optional illustration
    (the key of a guide illustration template, ``guide/illustrations/<key>.svg``)."""

    key: str
    part: Promise
    title: Promise
    points: tuple[Promise, ...]
    illustration: str = ""

    @property
    def illustration_template(self) -> str:
        return f"guide/illustrations/{self.illustration}.svg" if self.illustration else ""


PAIN, MANAGING, BALANCE = _("Pain explained"), _("Managing pain"), _("Capacity and loads")

SLIDES: tuple[Slide, ...] = (
    Slide("welcome", _("Welcome"), _("Your back: understand the pain, keep moving"), (
        _("Today we talk about three things."),
        _("What pain is and why it can linger."),
        _("How to use the pain as a guide when you are active."),
        _("How your back's capacity and the loads on it balance."),
    )),
    Slide("brain", PAIN, _("Pain is the brain's alarm"), (
        _("Nerves send signals from the back. The brain weighs them and decides whether it "
          "hurts, and how much."),
        _("Earlier experiences, thoughts, feelings and expectations turn the volume up or "
          "down."),
        _("When pain goes on for a long time, the alarm can become oversensitive and go off "
          "more easily than it needs to."),
    ), "pain-brain"),
    Slide("imaging", PAIN, _("Scans tell little about pain"), (
        _("Many people with no back pain at all have age changes in their discs, or bulges, "
          "on an X-ray or MRI."),
        _("What a picture shows rarely fits how much it hurts."),
        _("For ordinary back pain a scan is seldom needed."),
    )),
    Slide("common", PAIN, _("Common, and rarely dangerous"), (
        _("In a single year, about four adults in ten get back pain."),
        _("It is almost always benign: hurting does not mean harm."),
        _("Most people are clearly better within 2 to 6 weeks."),
        _("Pain can come back now and then. That is normal, and it passes again."),
    )),
    Slide("monitoring", MANAGING, _("Let the pain guide the dose"), (
        _("0–2 is safe: carry on."),
        _("3–5 is acceptable: fine, as long as it settles."),
        _("6–10 is high risk: if the activity took the pain there, do less next time."),
        _("Within 24 hours, by the next morning, the pain should be back where it was "
          "before."),
    ), "pain-monitoring"),
    Slide("active", MANAGING, _("Keep moving"), (
        _("Activity helps the back recover. Bed rest slows it down."),
        _("Keep up everyday life, work and hobbies as much as you can."),
        _("On a bad day, do a little less or for a shorter time, but do not stop."),
    )),
    Slide("balance", BALANCE, _("Back health is a balance"), (
        _("Capacity is what your back can cope with: posture, strength, flexibility and "
          "general fitness."),
        _("Loads are what weighs on it: physical load (too much or too little), negative "
          "emotions, stress and thoughts about the pain."),
        _("Pain often comes when the loads weigh more than the capacity."),
    ), "balance"),
    Slide("restore", BALANCE, _("Tipping it back"), (
        _("Build capacity step by step: exercises and general fitness."),
        _("Lighten the loads you can change: spread out heavy tasks, find ways to ease "
          "stress and worry."),
        _("Use the pain-monitoring model to find a dose that works."),
    ), "restore-balance"),
    Slide("summary", _("Summary"), _("To take home"), (
        _("Pain is an alarm, not a measure of damage."),
        _("Stay active, within the limits of the pain-monitoring model."),
        _("Raise your capacity and lighten your loads."),
        _("Questions?"),
    )),
)


def slides() -> list[tuple[int, Slide]]:
    """The slides numbered from 1."""
    return list(enumerate(SLIDES, start=1))
