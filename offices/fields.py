import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

# What the lookup accepts: Arbetsförmedlingen's 8 digits, and the 5–10 digits of numbers
# from before contracts had their own (see Contract's constraint).
KA_NUMBER_PATTERN = re.compile(r"^[0-9]{5,10}$")
AF_KA_NUMBER_PATTERN = re.compile(r"^[0-9]{8}$")
_KA_PREFIX = re.compile(r"^\s*KA[\s:.\-]*", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\-]+")
# Arabic-Indic and Persian digits, as typed on Arabic and Persian keyboards, to 0–9.
_ASCII_DIGITS = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "01234567890123456789",
)


def strip_separators(value):
    return _SEPARATORS.sub("", value.translate(_ASCII_DIGITS))


def normalize_ka_number(value):
    """Strip what people type around a KA-number: a 'KA' prefix, spaces and hyphens.

    'KA 123 45', 'ka-12345' and ' 12345 ' all become '12345'. Anything else is
    returned as typed (minus the prefix and separators) so validation can reject it.
    """
    if value is None:
        return value
    return strip_separators(_KA_PREFIX.sub("", str(value)))


def validate_ka_number(value):
    if not AF_KA_NUMBER_PATTERN.match(value or ""):
        raise ValidationError(
            _("Ett KA-nummer består av 8 siffror, till exempel 10072909."),
            code="invalid_ka_number",
        )


def validate_postal_code(value):
    if not re.fullmatch(r"[0-9]{5}", value or ""):
        raise ValidationError(
            _("Ett postnummer består av fem siffror, till exempel 123 45."),
            code="invalid_postal_code",
        )


def format_postal_code(value):
    return f"{value[:3]} {value[3:]}" if value and len(value) == 5 else value


class NormalizedDigitsField(models.CharField):
    """A code stored as digits only; what people type around the digits is stripped."""

    digits = 10

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", self.digits)
        super().__init__(*args, **kwargs)

    def normalize(self, value):
        return strip_separators(value)

    def to_python(self, value):
        value = super().to_python(value)
        return self.normalize(value) if value else value

    def formfield(self, **kwargs):
        # Leave room in the form for spaces, hyphens and prefixes; to_python strips them.
        return super().formfield(**{**kwargs, "max_length": self.digits + 10})


NormalizedDigitsField.register_lookup(Length)


class KANumberField(NormalizedDigitsField):
    """A contract's KA-number at Arbetsförmedlingen."""

    default_validators = [validate_ka_number]

    def normalize(self, value):
        return normalize_ka_number(value)


class PostalCodeField(NormalizedDigitsField):
    """A Swedish postal code, typed as '123 45' or '12345'."""

    digits = 5
    default_validators = [validate_postal_code]
