"""Bounded uploads: the admin's imports (krom/admin_import.py) and any request body."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from grades.models import ContractResult

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:grades_contractresult_import")


def test_a_body_above_the_cap_gets_413_with_a_clear_message_before_it_is_read(admin_client):
    big = SimpleUploadedFile("betyg.xlsx", b"x" * 4_000_000)
    response = admin_client.post(IMPORT_URL, {"file": big})
    assert response.status_code == 413
    text = response.content.decode()
    assert "Det du skickade är för stort" in text
    assert "högst 3 MB" in text
    assert ContractResult.objects.count() == 0


def test_a_public_form_post_above_the_cap_gets_413_too(client):
    response = client.post("/leverantorer/x/omdome/", {"comment": "x" * 3_100_000})
    assert response.status_code == 413


def test_a_file_above_the_import_limit_is_refused_on_the_form(admin_client):
    response = admin_client.post(
        IMPORT_URL, {"file": SimpleUploadedFile("b.xlsx", b"x" * 2_000_000)}
    )
    assert response.status_code == 200
    assert "Filen är större än 1,5 MB" in response.content.decode()


def test_an_upload_below_the_cap_is_never_written_to_disk(admin_client, monkeypatch):
    def on_disk(*args, **kwargs):
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr("django.core.files.uploadhandler.TemporaryUploadedFile", on_disk)
    upload = SimpleUploadedFile("betyg.xlsx", b"x" * 2_800_000)
    response = admin_client.post(IMPORT_URL, {"file": upload})
    assert response.status_code == 200
    assert "Filen är större än 1,5 MB" in response.content.decode()
