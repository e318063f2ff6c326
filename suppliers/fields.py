from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.se import orgnr

from offices.fields import NormalizedDigitsField


def validate_organisation_number(value):
    if not orgnr.is_valid(value or ""):
        raise ValidationError(
            _("Ange ett giltigt svenskt organisationsnummer, till exempel 556036-0793."),
            code="invalid_organisation_number",
        )


def format_organisation_number(value):
    return orgnr.format(value) if value and orgnr.is_valid(value) else value


class OrganisationNumberField(NormalizedDigitsField):
    """A Swedish organisation number, typed as '556036-0793' or '5560360793'."""

    default_validators = [validate_organisation_number]

    def normalize(self, value):
        return orgnr.compact(value)
