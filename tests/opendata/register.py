"""A register with something of everything, and helpers that read the open data files."""

import csv
import datetime
import io
import json

from django.contrib.auth import get_user_model

from offices.models import ContractName
from reviews.services import recompute_rating_summaries
from suppliers.models import ErrorReport, SupplierName
from tests.grades.factories import ResultGradeFactory
from tests.offices.factories import ContractFactory, OfficeFactory, delivery_area, municipality
from tests.reviews.factories import ReviewFactory
from tests.suppliers.factories import SupplierFactory

# What must never leave the site: review texts and who wrote or moderated them, the
# abuse-control hash, error reports and the addresses of those who sent them.
PRIVATE = {
    "comment": "Min coach Kalle Hemlig var bra",
    "pending comment": "Väntande omdöme om Lisa Okänd",
    "rejection reason": "Avslaget eftersom texten nämner en person",
    "client hash": "5f2b8c1d9e7a4b3c5f2b8c1d9e7a4b3c",
    "error report": "Fel telefonnummer enligt Per Anmälare",
    "correction": "Rätt nummer är 08-999 999",
    "reporter's e-mail": "per.anmalare@example.org",
    "moderator": "moderator-hemlig",
    "moderator's e-mail": "moderator@example.org",
}


def build_register(*, suppliers=1):
    """Per supplier: a contract with two offices (one no longer listed by AF), an ended
    contract with a closed office, a grade history with "Betyg saknas", languages,
    industries, names from AF's files and reviews. The first supplier also has a pending
    and a rejected review and an error report, all with private text."""
    moderator, _created = get_user_model().objects.get_or_create(
        username=PRIVATE["moderator"], email=PRIVATE["moderator's e-mail"]
    )
    for n in range(suppliers):
        supplier = SupplierFactory(
            language_codes=["ar", "so"],
            industry_slugs=["halso-och-sjukvard"],
            email="info@leverantoren.se",
        )
        SupplierName.objects.create(supplier=supplier, name=f"{supplier.name} Aktiebolag")
        office = OfficeFactory(supplier=supplier, latitude=59.3345, longitude=18.0632)
        OfficeFactory(supplier=supplier, no_longer_listed_on=datetime.date(2026, 2, 1))
        ended = ContractFactory(
            supplier=supplier,
            delivery_area=delivery_area("uppsala"),
            in_force=False,
            ended_on=datetime.date(2025, 12, 31),
        )
        OfficeFactory(
            supplier=supplier, contract=ended, municipality=municipality("0380"), is_active=False
        )
        ContractName.objects.create(
            contract=office.contract,
            name=f"{supplier.name} i en gammal fil",
            first_seen=datetime.date(2025, 1, 1),
            last_seen=datetime.date(2025, 5, 1),
        )
        ResultGradeFactory(contract=office.contract, month=datetime.date(2026, 1, 1), stars=2)
        ResultGradeFactory(contract=office.contract, month=datetime.date(2026, 3, 1), stars=3)
        ResultGradeFactory(contract=ended, month=datetime.date(2025, 11, 1), missing=True)
        ReviewFactory(
            supplier=supplier,
            office=office,
            rating=5,
            comment=PRIVATE["comment"],
            client_hash=PRIVATE["client hash"],
            moderated_by=moderator,
        )
        if n == 0:
            ReviewFactory(supplier=supplier, pending=True, comment=PRIVATE["pending comment"])
            ReviewFactory(
                supplier=supplier, rejected=True, rejection_reason=PRIVATE["rejection reason"]
            )
            ErrorReport.objects.create(
                supplier=supplier,
                office=office,
                what_is_wrong=PRIVATE["error report"],
                correction=PRIVATE["correction"],
                contact_email=PRIVATE["reporter's e-mail"],
            )
    recompute_rating_summaries()


def read_file(client, filename, *, prefix="", **headers):
    response = client.get(f"{prefix}/oppna-data/{filename}", headers=headers)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content).decode()


def read_csv(client, table):
    _response, text = read_file(client, f"{table}.csv")
    return list(csv.DictReader(io.StringIO(text, newline=""), strict=True))


def read_json(client):
    _response, text = read_file(client, "register.json")
    return json.loads(text)
