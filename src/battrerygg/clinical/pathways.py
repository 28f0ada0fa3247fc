"""Classification of a low back pain episode and the care pathway matched to the STarT Back
risk group (SPEC T1, C4).

Classification (SPEC T1): non-specific low back pain; low back pain with radiating leg pain
(radiculopathy); suspected serious pathology, which is referred and ends the programme path.

Stratified care: Hill JC, Whitehurst DGT, Lewis M, et al. Comparison of stratified primary
care management for low back pain with current best practice (STarT Back): a randomised
controlled trial. Lancet 2011;378:1560–1571. Low risk → advice, reassurance and self-care
(here: the self-care guide and the group education session); medium risk → physiotherapy
aimed at pain and function (here: the programme with supervised training); high risk →
physiotherapy that also addresses psychosocial obstacles to recovery.
"""

from __future__ import annotations

from enum import StrEnum

from battrerygg.clinical.instruments.startback import Risk


class Classification(StrEnum):
    NON_SPECIFIC = "non_specific"
    RADICULOPATHY = "radiculopathy"
    SERIOUS_PATHOLOGY = "serious_pathology"  # suspected; referred, ends the programme path


class Pathway(StrEnum):
    SELF_CARE = "self_care"  # self-care guidance and the group education session
    PHYSIOTHERAPY = "physiotherapy"  # programme with supervised training
    PSYCHOSOCIAL = "psychosocial"  # programme with attention to psychosocial factors
    REFERRAL = "referral"  # out of the programme: referred elsewhere


PATHWAY_OF_RISK = {
    Risk.LOW: Pathway.SELF_CARE,
    Risk.MEDIUM: Pathway.PHYSIOTHERAPY,
    Risk.HIGH: Pathway.PSYCHOSOCIAL,
}


def pathway_for(classification: Classification, risk: Risk | None) -> Pathway:
    """The matched pathway: referral for suspected serious pathology, otherwise the
    STarT Back risk group's pathway (Hill et al., Lancet 2011).

    Raises ValueError when the episode stays in the programme without a risk group.
    """
    if classification is Classification.SERIOUS_PATHOLOGY:
        return Pathway.REFERRAL
    if risk is None:
        raise ValueError("a STarT Back risk group is needed to match a pathway")
    return PATHWAY_OF_RISK[Risk(risk)]


def ends_programme(classification: Classification) -> bool:
    """True when the classification refers the patient out of the programme."""
    return classification is Classification.SERIOUS_PATHOLOGY
