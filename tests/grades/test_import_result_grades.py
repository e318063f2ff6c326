import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from grades.grade_file import read_grade_file
from grades.models import ResultGrade
from grades.services import import_grade_file
from offices.models import Contract, ContractName
from places.models import DeliveryArea
from suppliers.models import Supplier
from tests.grades.grade_files import (
    GRADE_FILE,
    add_month,
    edited_grade_file,
    real_grade_file,
    row_of,
)
from tests.offices.factories import ContractFactory, delivery_area

# Each test imports AF's real grade file, or a copy of it edited, into the database.
pytestmark = [pytest.mark.django_db, pytest.mark.integration]

JAN_2025 = datetime.date(2025, 1, 1)
MAR_2026 = datetime.date(2026, 3, 1)
MAY_2026 = datetime.date(2026, 5, 1)


def imported(data=None, *, dry_run=False):
    return import_grade_file(read_grade_file(data or real_grade_file()), dry_run=dry_run)


def grades_of(ka_number):
    return list(
        ResultGrade.objects.filter(contract__ka_number=ka_number)
        .order_by("month")
        .values_list("stars", flat=True)
    )


def counts():
    return [model.objects.count() for model in [Contract, Supplier, DeliveryArea, ResultGrade]]


def test_real_file_into_an_empty_register():
    result = imported()

    assert Contract.objects.count() == 983
    assert Supplier.objects.count() == 224
    areas = DeliveryArea.objects.filter(contracts__isnull=False).distinct()
    assert areas.count() == 64
    assert set(areas.values_list("region", flat=True)) == {
        "Nord", "Mitt", "Väst", "Öst", "Syd", "Stockholm-Gotland"
    }  # fmt: skip
    assert ResultGrade.objects.count() == 983 * 8
    assert result.summary == {
        "contracts_new": 983,
        "contracts_changed": 0,
        "contracts_unchanged": 0,
        "suppliers_new": 224,
        "areas_new": 0,
        "areas_changed": 0,
        "names_new": 0,
        "grades_new": 7864,
        "grades_changed": 0,
        "grades_unchanged": 0,
    }


def test_grades_are_stored_exactly_as_in_the_file():
    imported()

    assert grades_of("10072909") == [3, 3, 3, 3, 2, 2, 2, 1]
    assert grades_of("10072236") == [4, 4, 4, 4, 3, 3, 4, 4]
    assert grades_of("10074736") == [None] * 6 + [3, 3]
    missing = ResultGrade.objects.get(contract__ka_number="10074736", month=JAN_2025)
    assert missing.no_grade_reason == ResultGrade.NoGradeReason.UNKNOWN
    contract = Contract.objects.select_related("supplier", "delivery_area").get(
        ka_number="10072909"
    )
    assert contract.supplier.name == "Arbetslivsresurs Ar AB"
    assert contract.supplier.organisation_number is None
    assert contract.delivery_area == delivery_area("avesta-hedemora")
    assert (contract.current_grade, contract.current_grade_month) == (1, MAR_2026)


def test_dry_run_writes_nothing_and_reports_what_would_change():
    before = counts()

    result = imported(dry_run=True)

    assert counts() == before
    assert result.summary["contracts_new"] == 983
    assert result.summary["grades_new"] == 7864
    assert len(result.register.new_suppliers) == 224


def test_importing_the_same_file_twice_changes_nothing():
    imported()
    before = counts(), list(Contract.objects.values_list("updated_at", flat=True))

    result = imported()

    assert (counts(), list(Contract.objects.values_list("updated_at", flat=True))) == before
    assert not result.changes_anything
    assert result.summary["contracts_unchanged"] == 983
    assert result.summary["grades_unchanged"] == 7864


def test_a_newer_file_adds_its_month_and_a_revised_grade_is_changed():
    imported()

    def newer(sheet):
        add_month(sheet, "maj 2026", grade=4)
        sheet.cell(row_of(sheet, 10072909), 12).value = 2  # AF revised mars 2026

    result = imported(edited_grade_file(newer))

    assert result.summary["grades_new"] == 983
    assert result.summary["grades_changed"] == 1
    assert result.summary["grades_unchanged"] == 7863
    assert grades_of("10072909") == [3, 3, 3, 3, 2, 2, 2, 2, 4]
    contract = Contract.objects.get(ka_number="10074736")
    assert (contract.current_grade, contract.current_grade_month) == (4, MAY_2026)


def test_renamed_supplier_on_a_known_ka_number_keeps_the_contract_and_records_the_name():
    imported()
    contract = Contract.objects.get(ka_number="10072909")

    def takeover(sheet):
        add_month(sheet, "maj 2026")
        sheet.cell(row_of(sheet, 10072909), 1).value = "Nya Ägaren AB"

    result = imported(edited_grade_file(takeover))

    assert result.summary["contracts_changed"] == 1
    assert result.summary["names_new"] == 1
    assert Contract.objects.get(ka_number="10072909").pk == contract.pk
    assert Contract.objects.get(ka_number="10072909").supplier == contract.supplier
    assert list(
        ContractName.objects.filter(contract=contract)
        .order_by("first_seen")
        .values_list("name", "first_seen", "last_seen")
    ) == [
        ("Arbetslivsresurs Ar AB", MAR_2026, MAR_2026),
        ("Nya Ägaren AB", MAY_2026, MAY_2026),
    ]
    assert grades_of("10072909")[-1] == 2


def test_existing_supplier_and_contract_are_matched_not_duplicated():
    existing = ContractFactory(
        ka_number="10072909",
        supplier__name="Arbetslivsresurs AR AB",
        delivery_area=delivery_area("avesta-hedemora"),
    )

    result = imported()

    assert result.summary["contracts_new"] == 982
    assert result.summary["suppliers_new"] == 223
    assert Supplier.objects.filter(name__istartswith="Arbetslivsresurs").count() == 1
    assert Contract.objects.get(ka_number="10072909").pk == existing.pk


def run_command(path, *args):
    out = io.StringIO()
    call_command("import_result_grades", str(path), *args, stdout=out)
    return out.getvalue()


def test_command_prints_the_summary_and_speed():
    output = run_command(GRADE_FILE)

    assert "983 avtal, 8 månader (2025-01 – 2026-03), 7864 betyg" in output
    assert "rader/s" in output
    assert "Avtal: 983 nya, 0 ändrade, 0 oförändrade. Leverantörer: 224 nya." in output
    assert "Betyg: 7864 nya, 0 ändrade, 0 oförändrade." in output
    assert Contract.objects.count() == 983


def test_command_dry_run_writes_nothing(tmp_path):
    output = run_command(GRADE_FILE, "--dry-run")

    assert "Provkörning: inget har sparats." in output
    assert Contract.objects.count() == 0


def five(sheet):
    sheet.cell(900, 8).value = 5


def unknown_region(sheet):
    sheet.cell(900, 3).value = "Atlantis"


def missing_column(sheet):
    sheet.delete_cols(2)


def not_a_month(sheet):
    sheet.cell(1, 9).value = "Kommentar"


def short_ka_number(sheet):
    sheet.cell(900, 4).value = 1007


def duplicated_ka_number(sheet):
    sheet.cell(900, 4).value = sheet.cell(2, 4).value


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (five, "Rad 900, kolumn H (juli 2025): ”5” är inget betyg"),
        (unknown_region, "Okänd region ”Atlantis”"),
        (missing_column, "Kolumnen ”Leveransområde” saknas"),
        (not_a_month, "Kolumn I (Kommentar) är ingen månad"),
        (short_ka_number, "Rad 900, kolumn D (Ka-Nummer): ”1007” är inget KA-nummer"),
        (duplicated_ka_number, "Rad 900: KA-nummer 10074736 finns redan på rad 2."),
    ],
)
def test_broken_file_stops_with_a_message_and_writes_nothing(tmp_path, edit, message):
    path = tmp_path / "betyg.xlsx"
    path.write_bytes(edited_grade_file(edit))

    with pytest.raises(CommandError) as raised:
        run_command(path)

    assert message in str(raised.value)
    assert "Inget har sparats." in str(raised.value)
    assert counts() == [0, 0, 64, 0]


def test_broken_newer_file_leaves_the_imported_register_as_it_was(tmp_path):
    imported()
    before = counts(), list(ResultGrade.objects.values_list("contract_id", "month", "stars"))
    path = tmp_path / "betyg.xlsx"

    def newer_with_a_new_contract_and_a_bad_region(sheet):
        add_month(sheet, "maj 2026")
        sheet.cell(2, 4).value = 10079999
        unknown_region(sheet)

    path.write_bytes(edited_grade_file(newer_with_a_new_contract_and_a_bad_region))

    with pytest.raises(CommandError, match="Okänd region"):
        run_command(path)

    assert (
        counts(),
        list(ResultGrade.objects.values_list("contract_id", "month", "stars")),
    ) == before


def test_command_on_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run_command(tmp_path / "saknas.xlsx")
