"""The suppliers' reference data: the languages and Arbetsförmedlingen's occupation fields in
fixtures/reference/, loaded by `manage.py load_reference_data` (see places/reference_data.py)."""

from places.reference_data import column, read_rows, upsert
from suppliers.models import Industry, Language


def load_languages_and_industries():
    upsert(
        Language,
        read_rows("languages.csv"),
        "code",
        {field: column(field) for field in ("name_sv", "name_en", "native_name")},
    )
    upsert(
        Industry,
        read_rows("industries.csv"),
        "slug",
        {field: column(field) for field in ("name_sv", "name_en")},
    )
