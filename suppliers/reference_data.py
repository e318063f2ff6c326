"""The suppliers' reference data: the languages and Arbetsförmedlingen's occupation fields in
fixtures/reference/, loaded by `manage.py load_reference_data` (see places/reference_data.py),
with their names in every UI language: the columns name_sv and name_en, and the other
name_<code> columns gathered into `names`."""

from places.reference_data import column, read_rows, upsert
from suppliers.models import Industry, Language


def load_languages_and_industries():
    upsert(
        Language,
        read_rows("languages.csv"),
        "code",
        {**names_fields(), "native_name": column("native_name")},
    )
    upsert(Industry, read_rows("industries.csv"), "slug", names_fields())


def names_fields():
    def names(row):
        return {
            name.removeprefix("name_"): value
            for name, value in row.items()
            if name.startswith("name_") and name not in {"name_sv", "name_en"}
        }

    return {"name_sv": column("name_sv"), "name_en": column("name_en"), "names": names}
