"""The pathway matched to the STarT Back risk group (Hill et al., Lancet 2011), and referral
for suspected serious pathology."""

from __future__ import annotations

import pytest

from battrerygg.clinical.instruments.startback import Risk
from battrerygg.clinical.pathways import Classification, Pathway, ends_programme, pathway_for


@pytest.mark.parametrize(("classification", "risk", "pathway"), [
    (Classification.NON_SPECIFIC, Risk.LOW, Pathway.SELF_CARE),
    (Classification.NON_SPECIFIC, Risk.MEDIUM, Pathway.PHYSIOTHERAPY),
    (Classification.NON_SPECIFIC, Risk.HIGH, Pathway.PSYCHOSOCIAL),
    (Classification.RADICULOPATHY, Risk.MEDIUM, Pathway.PHYSIOTHERAPY),
    (Classification.SERIOUS_PATHOLOGY, None, Pathway.REFERRAL),
    (Classification.SERIOUS_PATHOLOGY, Risk.LOW, Pathway.REFERRAL),
])
def test_pathway(classification, risk, pathway):
    assert pathway_for(classification, risk) is pathway


def test_no_pathway_in_the_programme_without_a_risk_group():
    with pytest.raises(ValueError):
        pathway_for(Classification.NON_SPECIFIC, None)


def test_only_serious_pathology_ends_the_programme():
    assert [c for c in Classification if ends_programme(c)] == [Classification.SERIOUS_PATHOLOGY]
