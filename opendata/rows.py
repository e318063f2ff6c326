"""The rows of each open data table, in the order of its columns (opendata/schema.py).

One query per table (two where names from AF's files are joined in), read with values()
and iterator(): no query per row. Values are what JSON and CSV both write: dates as
ISO 8601 text, months as YYYY-MM, times in UTC, pages as absolute URLs in Swedish."""

from datetime import UTC

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from grades.models import ResultGrade
from offices.fields import format_postal_code
from offices.models import ACCESSIBILITY_FIELDS, Contract, ContractName, Office
from suppliers.fields import format_organisation_number
from suppliers.models import Supplier, SupplierName

CHUNK = 2000
_SLOT = "slot"


def organization_rows(site_url):
    alternate_names = _joined(SupplierName.objects.values_list("supplier_id", "name"))
    page = _page_url(site_url, "suppliers:detail")
    suppliers = Supplier.objects.order_by("pk").values(
        "pk", "name", "slug", "short_description", "how_we_work", "email", "phone", "website",
        "organisation_number", "offers_remote", "is_active", "is_example", "review_count",
        "rating_sum", "rating_1_count", "rating_2_count", "rating_3_count", "rating_4_count",
        "rating_5_count", "verified_at", "data_source", "updated_at",
    )  # fmt: skip
    for row in suppliers.iterator(CHUNK):
        count = row["review_count"]
        yield (
            row["pk"],
            row["name"],
            alternate_names.get(row["pk"]),
            row["short_description"],
            row["how_we_work"] or None,
            row["email"] or None,
            row["phone"] or None,
            row["website"] or None,
            format_organisation_number(row["organisation_number"]) or None,
            page(row["slug"]) if row["is_active"] else None,
            row["offers_remote"],
            row["is_active"],
            row["is_example"],
            count,
            round(row["rating_sum"] / count, 2) if count else None,
            *(row[f"rating_{rating}_count"] for rating in range(1, 6)),
            *_assured(row),
        )


def service_rows(site_url):
    alternate_names = _joined(ContractName.objects.values_list("contract_id", "name"))
    page = _page_url(site_url, "offices:ka_detail")
    contracts = Contract.objects.order_by("pk").values(
        "pk", "supplier_id", "supplier__name", "supplier__is_active", "ka_number",
        "delivery_area__code", "delivery_area__name", "delivery_area__region", "start_date",
        "in_force", "ended_on", "no_longer_listed_on", "current_grade", "current_grade_month",
        "verified_at", "data_source", "updated_at",
    )  # fmt: skip
    for row in contracts.iterator(CHUNK):
        ended = not row["in_force"]
        unlisted = row["no_longer_listed_on"] is not None or not row["supplier__is_active"]
        ka_number = row["ka_number"]
        yield (
            row["pk"],
            row["supplier_id"],
            f"{row['supplier__name']}, {row['delivery_area__name']}",
            alternate_names.get(row["pk"]),
            page(ka_number) if ka_number else None,
            _status(ended=ended, unlisted=unlisted),
            ka_number,
            row["delivery_area__code"],
            row["delivery_area__name"],
            row["delivery_area__region"] or None,
            _day(row["start_date"]),
            row["in_force"],
            _day(row["ended_on"]),
            _day(row["no_longer_listed_on"]),
            not (ended or unlisted),
            row["current_grade"],
            _month(row["current_grade_month"]),
            *_assured(row),
        )


def location_rows(site_url):
    offices = Office.objects.order_by("pk").values(
        "pk", "supplier_id", "contract_id", "contract__ka_number", "name", "street_address",
        "postal_code", "postal_town", "municipality__code", "municipality__name",
        "municipality__county__name", "latitude", "longitude", "af_address_id", "phone",
        "email", "taking_participants", "taking_participants_from", "is_active",
        "no_longer_listed_on", "contract__in_force", "contract__no_longer_listed_on",
        "supplier__is_active", "legacy_ka_number", "verified_at", "data_source", "updated_at",
    )  # fmt: skip
    for row in offices.iterator(CHUNK):
        ended = not (row["is_active"] and row["contract__in_force"])
        unlisted = (
            row["no_longer_listed_on"] is not None
            or row["contract__no_longer_listed_on"] is not None
            or not row["supplier__is_active"]
        )
        yield (
            row["pk"],
            row["supplier_id"],
            row["contract_id"],
            row["contract__ka_number"],
            "physical",
            row["name"],
            row["street_address"],
            format_postal_code(row["postal_code"]),
            row["postal_town"],
            row["municipality__code"],
            row["municipality__name"],
            row["municipality__county__name"],
            "SE",
            row["latitude"],
            row["longitude"],
            row["af_address_id"] or None,
            "af_address_id" if row["af_address_id"] else None,
            row["phone"] or None,
            row["email"] or None,
            row["taking_participants"],
            _day(row["taking_participants_from"]),
            row["is_active"],
            _day(row["no_longer_listed_on"]),
            not (ended or unlisted),
            _status(ended=ended, unlisted=unlisted),
            row["legacy_ka_number"],
            *_assured(row),
        )


def service_at_location_rows(site_url):
    offices = Office.objects.order_by("pk").values_list("pk", "contract_id", "pk")
    return offices.iterator(CHUNK)


def language_rows(site_url):
    links = Supplier.languages.through.objects.order_by("pk").values_list(
        "pk", "supplier_id", "language__code", "language__name_sv", "language__name_en",
        "language__native_name",
    )  # fmt: skip
    return links.iterator(CHUNK)


def industry_rows(site_url):
    links = Supplier.industries.through.objects.order_by("pk").values_list(
        "pk", "supplier_id", "industry__slug", "industry__name_sv", "industry__name_en"
    )
    return links.iterator(CHUNK)


def accessibility_rows(site_url):
    offices = Office.objects.order_by("pk").values_list(
        "pk", "accessibility_notes", *ACCESSIBILITY_FIELDS
    )
    for pk, notes, *answers in offices.iterator(CHUNK):
        yield pk, pk, notes or None, *answers


def grade_rows(site_url):
    grades = ResultGrade.objects.order_by("contract_id", "month").values_list(
        "pk", "contract_id", "contract__ka_number", "month", "stars", "no_grade_reason"
    )
    for pk, contract_id, ka_number, month, stars, reason in grades.iterator(CHUNK):
        yield pk, contract_id, ka_number, _month(month), stars, reason or None


ROWS = {
    "organizations": organization_rows,
    "services": service_rows,
    "locations": location_rows,
    "service_at_locations": service_at_location_rows,
    "languages": language_rows,
    "industries": industry_rows,
    "accessibility": accessibility_rows,
    "grades": grade_rows,
}


def _status(*, ended, unlisted):
    """HSDS's service status: defunct (ended), inactive (not listed) or active."""
    return "defunct" if ended else "inactive" if unlisted else "active"


def _assured(row):
    return _day(row["verified_at"]), row["data_source"] or None, as_moment(row["updated_at"])


def _page_url(site_url, name):
    """A function giving the absolute URL of the named page for a key: reversed once,
    in Swedish (no language prefix), not once per row."""
    with translation.override(settings.LANGUAGE_CODE):
        before, after = reverse(name, args=[_SLOT]).split(_SLOT)
    return lambda key: f"{site_url}{before}{key}{after}"


def _joined(pairs):
    """{id: "name; name"} from (id, name) pairs, in one query."""
    names = {}
    for key, name in pairs.order_by("pk"):
        names.setdefault(key, []).append(name)
    return {key: "; ".join(values) for key, values in names.items()}


def _day(value):
    return value.isoformat() if value else None


def _month(value):
    return value.isoformat()[:7] if value else None


def as_moment(value):
    """A time as ISO 8601 text in UTC, to the second."""
    return value.astimezone(UTC).isoformat(timespec="seconds") if value else None
