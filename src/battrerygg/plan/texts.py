"""What the balance model says to the patient, in our own words (SPEC P4, C3)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from battrerygg.clinical.balance import Action, Capacity, Load, Tilt


@dataclass(frozen=True)
class Factor:
    """A factor's name, the question's explanation and the ends of its 0–10 scale."""

    label: Promise
    explanation: Promise
    low: Promise
    high: Promise


CAPACITY_LOW, CAPACITY_HIGH = _("0 very weak"), _("10 very good")
LOAD_LOW, LOAD_HIGH = _("0 no load"), _("10 very heavy")

FACTORS: dict[str, Factor] = {
    Capacity.POSTURE: Factor(
        _("Posture"),
        _("How well you can hold and change positions: sit, stand and move without "
          "getting stuck in one position for a long time."),
        CAPACITY_LOW, CAPACITY_HIGH,
    ),
    Capacity.STRENGTH: Factor(
        _("Strength"),
        _("How strong the muscles of your back, stomach and legs feel when you lift, carry "
          "and get up."),
        CAPACITY_LOW, CAPACITY_HIGH,
    ),
    Capacity.FLEXIBILITY: Factor(
        _("Flexibility and mobility"),
        _("How easily you can bend, twist and reach, for example to put on socks."),
        CAPACITY_LOW, CAPACITY_HIGH,
    ),
    Capacity.FITNESS: Factor(
        _("General fitness"),
        _("How well your body copes with a longer walk, stairs or getting a little out of "
          "breath."),
        CAPACITY_LOW, CAPACITY_HIGH,
    ),
    Load.PHYSICAL: Factor(
        _("Physical load"),
        _("How much the physical side of your days weighs on your back. Both too much (heavy "
          "or one-sided work) and too little (sitting still a lot) count."),
        LOAD_LOW, LOAD_HIGH,
    ),
    Load.NEGATIVE_EMOTIONS: Factor(
        _("Negative emotions"),
        _("How much low mood, frustration, anger or sadness you carry right now."),
        LOAD_LOW, LOAD_HIGH,
    ),
    Load.STRESS: Factor(
        _("Everyday stress"),
        _("How stressed you feel by work, family, money or too little rest."),
        LOAD_LOW, LOAD_HIGH,
    ),
    Load.WORRYING_THOUGHTS: Factor(
        _("Worrying thoughts about the back"),
        _("How much you worry that the pain means damage, or that moving will make it "
          "worse."),
        LOAD_LOW, LOAD_HIGH,
    ),
}

TILT_TEXT: dict[str, dict[str, Promise]] = {
    Tilt.LOADS_HEAVIER: {
        "heading": _("The loads weigh more than the capacity"),
        "text": _("Your answers tip the balance towards the loads. That can keep pain going. "
                  "You can work on both sides: build up capacity and lighten the loads."),
    },
    Tilt.BALANCED: {
        "heading": _("Capacity and loads are about even"),
        "text": _("Your answers keep the balance about level. Keep building capacity so "
                  "that you have something to spare on heavy days."),
    },
    Tilt.CAPACITY_GREATER: {
        "heading": _("The capacity outweighs the loads"),
        "text": _("Your answers tip the balance towards capacity. Your back has room to "
                  "cope with the loads. Keep up what works."),
    },
}


@dataclass(frozen=True)
class ActionText:
    """A concrete action: heading, what to do, and where in the product to do it."""

    heading: Promise
    text: Promise
    lesson: str  # lesson slug in the self-care guide
    link: str = ""  # URL name of the place to act ("diary:new", "plan:goals"), if any
    link_label: Promise | str = ""


ACTIONS: dict[str, ActionText] = {
    Action.POSTURE_WORK: ActionText(
        _("Vary your positions"),
        _("Change position often, every half hour or so. Do the posture exercises from your "
          "physiotherapist and log them in the diary."),
        "03-sa-ar-ryggen-byggd", "diary:new", _("Log an exercise"),
    ),
    Action.STRENGTH_WORK: ActionText(
        _("Build strength step by step"),
        _("Strength exercises for the back, stomach and legs, a few times a week. Let the "
          "pain-monitoring scale guide how much you do."),
        "09-hitta-balansen-igen", "diary:new", _("Log an exercise"),
    ),
    Action.FLEXIBILITY_WORK: ActionText(
        _("Move through your whole range"),
        _("Gentle movement exercises every day, for example rolling the back up and down on "
          "all fours. Moving is safe even when it is a bit sore."),
        "09-hitta-balansen-igen", "diary:new", _("Log an exercise"),
    ),
    Action.FITNESS_WORK: ActionText(
        _("Get going with general fitness"),
        _("Choose something you like — walking, Nordic walking, cycling, swimming, dancing or "
          "stairs — and set a weekly goal that fits your days."),
        "07-hall-dig-aktiv", "plan:goals", _("Set a weekly goal"),
    ),
    Action.CHANGE_PHYSICAL_LOAD: ActionText(
        _("Change the physical load"),
        _("Too much: spread heavy tasks over the day and take short breaks. Too little: add "
          "a little movement each day. Log it and follow the pain-monitoring scale."),
        "07-hall-dig-aktiv", "diary:new", _("Log an activity"),
    ),
    Action.HANDLE_EMOTIONS: ActionText(
        _("Take care of how you feel"),
        _("Feelings affect pain. Do things that give you energy, spend time with people you "
          "like, and talk to someone when it feels heavy."),
        "04-smarta-och-hjarnan",
    ),
    Action.REDUCE_STRESS: ActionText(
        _("Lower the stress"),
        _("Plan in rest and sleep, say no to something, and break big tasks into smaller "
          "ones. A short walk often lowers stress too."),
        "09-hitta-balansen-igen", "plan:goals", _("Plan a walk"),
    ),
    Action.CHANGE_THOUGHTS: ActionText(
        _("Look at your thoughts about the pain"),
        _("Hurting does not mean you are damaging your back. Learning how pain works often "
          "makes it less frightening."),
        "04-smarta-och-hjarnan",
    ),
}
