"""manage.py import_results FILE [--dry-run]."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from grades.models import ContractResult
from offices.models import Contract
from tests.grades.test_results_file import REAL_FILE, results_row, write_results_file

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("import_results", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.mark.integration
def test_command_imports_the_real_file_and_reports_each_period_and_its_speed():
    output = run(REAL_FILE)

    assert "2026-03: 800 rader, 800 nya, 0 ändrade, 0 oförändrade" in output
    assert "2026-05: 756 rader, 756 nya" in output
    assert "0 stämmer inte med vikterna" in output
    assert re.search(r"1556 rader på [\d.]+ s \(\d+ rader/s\)", output)
    assert ContractResult.objects.count() == 1556


@pytest.mark.integration
def test_command_dry_run_reports_and_writes_nothing():
    output = run(REAL_FILE, "--dry-run")

    assert "2026-03: 800 rader, 800 nya" in output
    assert "Provkörning: inget har sparats." in output
    assert not ContractResult.objects.exists()
    assert not Contract.objects.filter(ka_number="10075146").exists()


@pytest.mark.integration
def test_command_run_twice_reports_everything_unchanged():
    run(REAL_FILE)

    output = run(REAL_FILE)

    assert "2026-03: 800 rader, 0 nya, 0 ändrade, 800 oförändrade" in output
    assert "Avtal: 0 nya, 0 ändrade." in output


def test_command_lists_rows_that_disagree_with_the_weights(tmp_path):
    path = write_results_file(
        tmp_path / "f.xlsx", {"2026-03": [results_row(VIKTAT_RESULTATMÅTT=0.9)]}
    )

    output = run(path)

    assert "1 stämmer inte med vikterna" in output
    assert "Stämmer inte med vikterna: 2026-03, rad 2, KA 10075146: filen anger 0.9000" in output
    assert ContractResult.objects.count() == 1


def test_command_refuses_a_broken_file_and_writes_nothing(tmp_path):
    rows = [results_row(ka="10075147"), results_row(ANTAL_DELTAGARE="många")]
    path = write_results_file(tmp_path / "f.xlsx", {"2026-03": rows})

    with pytest.raises(CommandError, match="rad 3: ANTAL DELTAGARE ”många” är inte ett antal"):
        run(path)

    assert not ContractResult.objects.exists()
    assert not Contract.objects.filter(ka_number="10075147").exists()


def test_command_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="saknas.xlsx"):
        run(tmp_path / "saknas.xlsx")
