from django import forms
from django.utils.translation import gettext_lazy as _

from offices.fields import KA_NUMBER_PATTERN, normalize_ka_number

QUERY_MAX_LENGTH = 100


class KALookupForm(forms.Form):
    q = forms.CharField(
        label=_("KA-nummer eller namn"),
        help_text=_(
            "Skriv ett KA-nummer, till exempel KA 1007 2909, eller en del av leverantörens "
            "namn, leveransområdet, kontorets namn eller orten."
        ),
        label_suffix="",
        max_length=QUERY_MAX_LENGTH,
        required=False,
        widget=forms.SearchInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "max_length": _("Skriv högst %(limit_value)d tecken."),
            "null_characters_not_allowed": _(
                "Sökningen innehåller ett tecken som inte går att söka på."
            ),
        },
    )

    def ka_number(self):
        """The query as a KA-number (digits only), or None when it is not one: 8 digits
        as Arbetsförmedlingen writes them, or the 5–10 of an office's number from before
        contracts."""
        ka_number = normalize_ka_number(self.cleaned_data["q"])
        return ka_number if KA_NUMBER_PATTERN.match(ka_number) else None


class ResponseFormatForm(forms.Form):
    """`format=json` asks the caseworker lookup for JSON; any other value is ignored and
    the Accept header decides."""

    format = forms.ChoiceField(choices=[("json", "JSON")], required=False)

    def wants_json(self):
        return self.is_valid() and self.cleaned_data["format"] == "json"
