"""The public register, read for the open data files (tables defined in opendata/schema.py).

The register's version (for ETag and Last-Modified) from a few aggregate queries, the
metadata, and the files themselves, streamed a chunk of rows at a time from opendata/rows.py.
Never read: review texts and who wrote them, client hashes, error reports, users, or
anything else private."""

import csv
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from django.conf import settings
from django.db.models import Count, F, Max, Q, Sum
from django.urls import reverse
from django.utils import timezone, translation

from grades.models import ResultGrade
from offices.models import Contract, ContractName, Office
from opendata.rows import ROWS, as_moment
from opendata.schema import HSDS_URL, LICENCE_NAME, LICENCE_URL, TABLES
from suppliers.models import Supplier, SupplierName

# Part of every ETag: raise it when the files' shape changes, so that copies are refetched.
FORMAT_VERSION = 1
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class RegisterVersion:
    """What identifies the register's state, for ETag and Last-Modified."""

    etag: str
    last_modified: datetime | None
    counts: dict
    is_example_data: bool


def register_version():
    """The register's version from a few aggregate queries, without reading any rows:
    counts, latest changes, and sums of the columns that bulk writes change without
    touching a timestamp (grades, review summaries, links to languages and industries)."""
    suppliers = Supplier.objects.aggregate(
        count=Count("pk"),
        changed=Max("updated_at"),
        examples=Count("pk", filter=Q(is_example=True)),
        reviews=Sum("review_count"),
        ratings=Sum("rating_sum"),
    )
    contracts = Contract.objects.aggregate(
        count=Count("pk"),
        changed=Max("updated_at"),
        grades=Sum("current_grade"),
        unlisted=Count("no_longer_listed_on"),
    )
    offices = Office.objects.aggregate(
        count=Count("pk"),
        changed=Max("updated_at"),
        unlisted=Count("no_longer_listed_on"),
        taking=Count("pk", filter=Q(taking_participants=True)),
    )
    grades = ResultGrade.objects.aggregate(
        count=Count("pk"), changed=Max("created_at"), stars=Sum(F("stars") * F("contract_id"))
    )
    languages = Supplier.languages.through.objects.aggregate(
        count=Count("pk"), links=Sum(F("supplier_id") * F("language_id"))
    )
    industries = Supplier.industries.through.objects.aggregate(
        count=Count("pk"), links=Sum(F("supplier_id") * F("industry_id"))
    )
    names = {
        "supplier": SupplierName.objects.aggregate(count=Count("pk"), last=Max("pk")),
        "contract": ContractName.objects.aggregate(count=Count("pk"), seen=Max("last_seen")),
    }
    state = [FORMAT_VERSION, suppliers, contracts, offices, grades, languages, industries, names]
    digest = hashlib.sha256(json.dumps(state, default=str, sort_keys=True).encode()).hexdigest()
    changes = [part["changed"] for part in (suppliers, contracts, offices, grades)]
    return RegisterVersion(
        etag=f'W/"{digest[:32]}"',
        last_modified=max((change for change in changes if change), default=None),
        counts={
            "organizations": suppliers["count"],
            "services": contracts["count"],
            "locations": offices["count"],
            "service_at_locations": offices["count"],
            "languages": languages["count"],
            "industries": industries["count"],
            "accessibility": offices["count"],
            "grades": grades["count"],
        },
        is_example_data=bool(suppliers["examples"]),
    )


def metadata(version, site_url):
    """About the files: licence, source, date. Fixed Swedish text, whatever the language
    of the request, so that the files are the same for everyone."""
    return {
        "title": "Matchningskollen: leverantörer i Rusta och matcha",
        "description": (
            "Leverantörer, avtal med KA-nummer, kontor med koordinater, språk, branscher, "
            "tillgänglighet, Arbetsförmedlingens resultatbetyg med historik och "
            "sammanfattningar av deltagarnas omdömen."
        ),
        "license": {
            "name": LICENCE_NAME,
            "url": LICENCE_URL,
            "note": (
                "Matchningskollens sammanställning är fri att använda utan villkor (CC0 1.0). "
                "Avtal, KA-nummer, resultatbetyg och kontorens adresser är "
                "Arbetsförmedlingens offentliga uppgifter."
            ),
        },
        "source": (
            "Arbetsförmedlingens publicerade uppgifter (avtal, resultatbetyg, Sök "
            "leverantör), leverantörernas egna uppgifter och deltagarnas godkända omdömen."
        ),
        "schema": {"name": "Open Referral HSDS 3.0 (urval, med egna kolumner)", "url": HSDS_URL},
        "generated_at": as_moment(timezone.now()),
        "data_updated_at": as_moment(version.last_modified),
        "is_example_data": version.is_example_data,
        "example_data_note": (
            "Exempeldata: leverantörerna är påhittade, inte Arbetsförmedlingens riktiga uppgifter."
            if version.is_example_data
            else None
        ),
        "counts": version.counts,
        "files": {name: site_url + file_url(f"{name}.csv") for name in TABLES},
    }


def file_url(filename):
    """A file's path, without a language prefix: the files are the same in every language."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("opendata:file", args=[filename])


def json_stream(version, site_url):
    """register.json: the metadata and every table, as one JSON object."""
    yield '{"metadata": ' + _json(metadata(version, site_url))
    for table in TABLES.values():
        names = table.column_names
        yield f', "{table.name}": ['
        separator = ""
        for chunk in _chunks(ROWS[table.name](site_url)):
            objects = [dict(zip(names, row, strict=True)) for row in chunk]
            yield separator + _json(objects)[1:-1]
            separator = ","
        yield "]"
    yield "}\n"


def csv_stream(table, site_url):
    """One table as CSV (RFC 4180: comma, double quotes, CRLF, UTF-8), header first."""
    writer = csv.writer(_Echo())
    yield writer.writerow(table.column_names)
    for chunk in _chunks(ROWS[table.name](site_url)):
        yield "".join(writer.writerow([_csv_value(value) for value in row]) for row in chunk)


def _json(value):
    return _ENCODER.encode(value)


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _chunks(rows, size=500):
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk


class _Echo:
    """A file for csv.writer that hands back what it is given, for streaming."""

    def write(self, value):
        return value
