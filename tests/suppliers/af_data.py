"""Arbetsförmedlingen's published data as its imports leave it, for the page tests: a
contract with a grade history (a publication every second month, some "Betyg saknas")
and rows of the results follow-up."""

import datetime

from grades.models import ContractResult
from tests.grades.factories import ResultGradeFactory
from tests.offices.factories import ContractFactory

# As in Arbetsförmedlingen's file: a publication every second month, "Betyg saknas" twice.
HISTORY = [
    ("2025-01", 2),
    ("2025-03", None),
    ("2025-05", 3),
    ("2025-07", 3),
    ("2025-09", None),
    ("2025-11", 4),
    ("2026-01", 3),
    ("2026-03", 4),
]


def month(text):
    return datetime.date.fromisoformat(f"{text}-01")


def graded_contract(history=HISTORY, **kwargs):
    """A contract as the grade import leaves it: its history, and its current grade."""
    contract = ContractFactory(**kwargs)
    for published, stars in history:
        ResultGradeFactory(
            contract=contract, month=month(published), stars=stars, missing=stars is None
        )
    contract.refresh_from_db()
    return contract


def follow_up(contract, period, *, participants=40, rr1=(5, 4, 3), risks_termination=None):
    """A row of Arbetsförmedlingen's results follow-up, as the results import saves it."""
    return ContractResult.objects.create(
        contract=contract,
        period=month(period),
        participants=participants,
        participants_a=participants // 2,
        participants_b=participants // 4,
        participants_c=participants - participants // 2 - participants // 4,
        rr1_a=rr1[0],
        rr1_b=rr1[1],
        rr1_c=rr1[2],
        rr2_a=1,
        rr2_b=1,
        rr2_c=0,
        risks_termination=risks_termination,
        source_file="resultatuppfoljning-maj-2026.xlsx",
        edition=month("2026-05"),
    )
