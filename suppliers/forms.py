from django import forms
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from offices.models import Office
from suppliers.models import ErrorReport

TEXT_MAX_LENGTH = 2000


class ErrorReportForm(forms.ModelForm):
    """What a visitor says is wrong on a supplier's page. No personal data is required."""

    # Honeypot: hidden from people by CSS; bots that fill in every field reveal themselves.
    website = forms.CharField(
        label=_("Lämna det här fältet tomt"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ErrorReport
        fields = ["office", "what_is_wrong", "correction", "contact_email"]
        labels = {
            "office": _("Gäller det ett kontor? (frivilligt)"),
            "what_is_wrong": _("Vad är fel?"),
            "correction": _("Vad är rätt? (frivilligt)"),
            "contact_email": _("Din e-post, om vi får fråga dig något (frivilligt)"),
        }
        help_texts = {
            "what_is_wrong": _("Till exempel en adress, ett telefonnummer eller ett språk."),
            "contact_email": _("Vi använder den bara för frågor om din rapport."),
        }
        error_messages = {
            "what_is_wrong": {
                "required": _("Skriv vad som är fel."),
                "max_length": _("Skriv högst %(limit_value)d tecken (nu %(show_value)d)."),
            },
            "correction": {
                "max_length": _("Skriv högst %(limit_value)d tecken (nu %(show_value)d).")
            },
            "contact_email": {
                "invalid": _("Skriv en e-postadress som namn@exempel.se, eller lämna fältet tomt.")
            },
            "office": {"invalid_choice": _("Välj ett av leverantörens kontor i listan.")},
        }
        widgets = {
            "what_is_wrong": forms.Textarea(attrs={"rows": 5}),
            "correction": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, supplier, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.supplier = supplier
        if "office" in self.fields:
            office = self.fields["office"]
            office.queryset = Office.objects.active().filter(supplier=supplier).order_by("name")
            office.label_from_instance = lambda office: f"{office.name}, {office.full_address}"
            office.empty_label = _("Gäller hela leverantören")

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def error_summary(self):
        """(anchor id, message) for each error, in the order the fields appear."""
        items = [(None, error) for error in self.non_field_errors()]
        for field in self:
            items.extend((field.auto_id, error) for error in field.errors)
        return items


class TextErrorReportForm(ErrorReportForm):
    """'Rapportera fel' about a text of the site, such as a translation, not a supplier."""

    class Meta(ErrorReportForm.Meta):
        fields = ["what_is_wrong", "correction", "contact_email"]
        labels = {
            **ErrorReportForm.Meta.labels,
            "what_is_wrong": _("Vad är fel i texten?"),
            "correction": _("Vad borde det stå? (frivilligt)"),
        }
        help_texts = {
            **ErrorReportForm.Meta.help_texts,
            "what_is_wrong": _("Till exempel ett ord som är fel översatt eller svårt att förstå."),
        }

    def __init__(self, *args, page, language, **kwargs):
        super().__init__(*args, supplier=None, **kwargs)
        self.instance.page = page
        self.instance.language = language


class ReportedPageForm(forms.Form):
    """`sida` of a report about a text: the page of this site it is about, as a path.
    Anything else (another site's address, a path too long to be ours) means the start
    page."""

    sida = forms.CharField(required=False, max_length=300)

    def clean_sida(self):
        path = self.cleaned_data["sida"]
        if path.startswith("/") and url_has_allowed_host_and_scheme(path, allowed_hosts=set()):
            return path
        return "/"

    def page(self):
        return self.cleaned_data["sida"] if self.is_valid() else "/"
