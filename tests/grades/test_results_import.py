"""Importing Arbetsförmedlingen's results follow-up into the register: all rows or none,
the newest file wins for a period, and unknown KA-numbers become contracts."""

import datetime
from decimal import Decimal

import pytest

from grades.models import ContractResult, ResultWeights
from grades.results_file import ResultsFileError, read_results_file
from grades.results_services import import_results
from offices.models import Contract
from suppliers.models import Supplier
from tests.grades.test_results_file import (
    MARCH,
    MAY,
    REAL_FILE,
    results_row,
    write_results_file,
)
from tests.offices.factories import ContractFactory, delivery_area

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def real_file():
    return read_results_file(REAL_FILE, REAL_FILE.name)


def small_file(tmp_path, periods, name="resultatuppfoljning-mars-2026.xlsx", **options):
    return read_results_file(write_results_file(tmp_path / name, periods, **options), name)


def result(ka, period):
    return ContractResult.objects.select_related("contract").get(
        contract__ka_number=ka, period=period
    )


@pytest.mark.integration
def test_real_file_imports_800_and_756_rows_into_an_empty_register(real_file):
    plan = import_results(real_file)

    assert [(c.period, c.new) for c in plan.periods] == [(MARCH, 800), (MAY, 756)]
    assert ContractResult.objects.filter(period=MARCH).count() == 800
    assert ContractResult.objects.filter(period=MAY).count() == 756
    kas = {row.ka_number for sheet in real_file.periods for row in sheet.rows}
    assert Contract.objects.filter(ka_number__in=kas).count() == len(kas)
    assert plan.register_summary["contracts_new"] == len(kas)
    assert plan.disagreements == []
    assert ResultWeights.objects.get(period=MAY).weight_a == Decimal("0.710678")


@pytest.mark.integration
def test_real_file_rows_are_stored_as_published(real_file):
    import_results(real_file)

    march = result("10075146", MARCH)
    assert march.participants == 1 and march.participants_c == 1
    assert (march.rr1_c, march.rr2_c, march.grade) == (1, 1, None)
    assert march.weighted_result == Decimal("1.326")
    assert (march.risks_termination, march.active_22_months) == (False, False)
    assert march.contract.start_date == datetime.date(2025, 2, 6)
    assert march.contract.supplier.name == "Performiq AB"
    assert march.contract.delivery_area == delivery_area("norrkoping")
    may = result("10075146", MAY)
    assert (may.participants, may.weighted_result) == (2, Decimal("1.15"))
    assert may.risks_termination is None
    talenti = result("10074566", MARCH)
    assert (talenti.participants, talenti.active_22_months) == (3, True)
    assert talenti.job_or_studies == 3
    assert ContractResult.objects.filter(period=MARCH, risks_termination=True).count() == 117


@pytest.mark.integration
def test_stored_measures_agree_with_the_stored_weights(real_file):
    import_results(real_file)

    weights = ResultWeights.objects.get(period=MARCH)
    for row in ContractResult.objects.filter(period=MARCH).exclude(participants=0):
        levels = [(weights.weight_a, "a"), (weights.weight_b, "b"), (weights.weight_c, "c")]
        total = sum(w * (getattr(row, f"rr1_{lv}") + getattr(row, f"rr2_{lv}")) for w, lv in levels)
        assert abs(row.weighted_result - total / (2 * row.participants)) < Decimal("0.0005")


@pytest.mark.integration
def test_dry_run_writes_nothing(real_file):
    plan = import_results(real_file, dry_run=True)

    assert plan.totals["new"] == 1556
    assert not ContractResult.objects.exists()
    assert not ResultWeights.objects.exists()
    assert not Contract.objects.filter(ka_number="10075146").exists()


@pytest.mark.integration
def test_importing_the_same_file_again_changes_nothing(real_file):
    import_results(real_file)
    stamps = dict(ContractResult.objects.values_list("pk", "imported_at"))

    plan = import_results(real_file)

    assert plan.totals == {"rows": 1556, "new": 0, "changed": 0, "unchanged": 1556, "newer_kept": 0}
    assert [c.weights for c in plan.periods] == ["unchanged", "unchanged"]
    assert plan.register_summary["contracts_new"] == plan.register_summary["contracts_changed"] == 0
    assert dict(ContractResult.objects.values_list("pk", "imported_at")) == stamps


def test_known_contract_gets_its_results_and_start_date(tmp_path):
    contract = ContractFactory(ka_number="10075146", delivery_area=delivery_area("norrkoping"))

    plan = import_results(small_file(tmp_path, {"2026-03": [results_row()]}))

    assert plan.register_summary["contracts_new"] == 0
    contract.refresh_from_db()
    assert contract.start_date == datetime.date(2025, 2, 6)
    assert contract.results.get().participants == 1


@pytest.mark.integration
def test_a_newer_file_revises_an_old_period(tmp_path, real_file):
    first = small_file(tmp_path, {"2026-03": [results_row(ANTAL_DELTAGARE=2, ANTAL_RR1_NIVÅ_C=0)]})
    import_results(first)

    plan = import_results(real_file)

    assert plan.periods[0].changed == 1
    revised = result("10075146", MARCH)
    assert (revised.participants, revised.rr1_c) == (1, 1)
    assert revised.source_file == REAL_FILE.name and revised.edition == MAY


@pytest.mark.integration
def test_an_older_file_imported_late_does_not_overwrite_a_newer_one(tmp_path, real_file):
    import_results(real_file)
    row = results_row(ANTAL_DELTAGARE=2, STARTDATUM_AVTAL=datetime.datetime(2024, 1, 2))
    old = small_file(tmp_path, {"2026-03": [row]}, weights=(1, 1, 1))

    plan = import_results(old)

    assert (plan.periods[0].newer_kept, plan.periods[0].weights) == (1, "newer_kept")
    assert plan.register_summary["contracts_changed"] == 0
    kept = result("10075146", MARCH)
    assert (kept.participants, kept.contract.start_date) == (1, datetime.date(2025, 2, 6))
    assert ResultWeights.objects.get(period=MARCH).weight_a == Decimal("0.708189")


@pytest.mark.integration
def test_a_file_only_touches_its_own_periods_and_contracts(tmp_path, real_file):
    import_results(real_file)

    import_results(small_file(tmp_path, {"2026-03": [results_row(ANTAL_DELTAGARE=2)]}))

    assert ContractResult.objects.count() == 1556
    assert result("10074566", MARCH).participants == 3


def test_a_row_that_disagrees_with_the_weights_is_imported_as_published(tmp_path):
    rows = [results_row(VIKTAT_RESULTATMÅTT=0.5)]

    plan = import_results(small_file(tmp_path, {"2026-03": rows}))

    assert [d.row.ka_number for d in plan.disagreements] == ["10075146"]
    assert result("10075146", MARCH).weighted_result == Decimal("0.5")


def test_a_file_that_contradicts_the_register_writes_nothing(tmp_path):
    ContractFactory(ka_number="10075146", delivery_area=delivery_area("malmo"))
    rows = [results_row(ka="10075147"), results_row()]
    suppliers = Supplier.objects.count()

    with pytest.raises(ResultsFileError, match="2026-03, rad 3: KA-nummer 10075146 hör till"):
        import_results(small_file(tmp_path, {"2026-03": rows}))

    assert not ContractResult.objects.exists()
    assert not Contract.objects.filter(ka_number="10075147").exists()
    assert Supplier.objects.count() == suppliers


@pytest.mark.integration
def test_a_file_without_the_termination_column_keeps_what_an_earlier_file_said(tmp_path, real_file):
    row = results_row(period="2026-05", PERIOD="2026-05", RISKERAR_HÄVNING="Ja")
    import_results(small_file(tmp_path, {"2026-05": [row]}))
    assert result("10075146", MAY).risks_termination is True

    import_results(real_file)  # AF's May file has no "RISKERAR HÄVNING" for 2026-05

    kept = result("10075146", MAY)
    assert kept.risks_termination is True
    assert kept.participants == 2
