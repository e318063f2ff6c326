import re
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from offices.models import Office
from reviews.models import Review
from reviews.personal_data import describe, personal_data_kinds

FIRST_YEAR = 2019  # Rusta och matcha (then "KROM") started in 2019.
COMMENT_MAX_LENGTH = Review._meta.get_field("comment").max_length
RATING_CHOICES = [
    (1, _("1 – Mycket dåligt")),
    (2, _("2 – Dåligt")),
    (3, _("3 – Okej")),
    (4, _("4 – Bra")),
    (5, _("5 – Mycket bra")),
]
# Something that a browser would read as a tag: "<b", "</", "<!--", "<?". "<3" stays text.
MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")


def this_month():
    return timezone.localdate().replace(day=1)


class CommentField(forms.CharField):
    """Counts a line break as one character, as the browser's counter does."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class OfficeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, office):
        return f"{office.name}, {office.postal_town}"


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Betyg"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Välj ett betyg från 1 till 5."),
            "invalid_choice": _("Välj ett betyg från 1 till 5."),
        },
    )
    office = OfficeChoiceField(
        label=_("Kontor (frivilligt)"),
        queryset=Office.objects.none(),
        required=False,
        empty_label=_("Vet inte eller vill inte säga"),
        error_messages={"invalid_choice": _("Välj ett av leverantörens kontor i listan.")},
    )
    participation_month = forms.TypedChoiceField(
        label=_("Månad"),
        choices=[("", _("Välj månad")), *MONTHS.items()],
        coerce=int,
        error_messages={
            "required": _("Välj den månad då du slutade."),
            "invalid_choice": _("Välj en månad i listan."),
        },
    )
    participation_year = forms.TypedChoiceField(
        label=_("År"),
        coerce=int,
        error_messages={
            "required": _("Välj det år då du slutade."),
            "invalid_choice": _("Välj ett år i listan."),
        },
    )
    comment = CommentField(
        label=_("Kommentar"),
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6, "data-max-length": COMMENT_MAX_LENGTH}),
        help_text=_(
            "Frivilligt. Högst 2 000 tecken. Skriv inte namn eller annat som visar vem "
            "du eller någon annan är."
        ),
    )
    # Shown only after a warning that the comment seems to hold personal data.
    confirm_personal_data = forms.BooleanField(
        label=_(
            "Skicka kommentaren ändå. Jag vet att en moderator läser den och tar bort "
            "personuppgifter innan den visas."
        ),
        required=False,
    )
    confirm_participation = forms.BooleanField(
        error_messages={
            "required": _("Kryssa i att du har deltagit i Rusta och matcha hos leverantören.")
        },
    )
    # Honeypot: hidden from people by CSS; bots that fill in every field reveal themselves.
    website = forms.CharField(
        label=_("Lämna det här fältet tomt"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, supplier, **kwargs):
        super().__init__(*args, **kwargs)
        self.supplier = supplier
        self.personal_data = []
        self.fields["office"].queryset = (
            Office.objects.active().filter(supplier=supplier).order_by("name")
        )
        years = range(this_month().year, FIRST_YEAR - 1, -1)
        self.fields["participation_year"].choices = [("", _("Välj år"))] + [
            (year, str(year)) for year in years
        ]
        self.fields["confirm_participation"].label = _(
            "Jag har deltagit i Rusta och matcha hos %(supplier)s."
        ) % {"supplier": supplier.name}

    def clean_comment(self):
        comment = self.cleaned_data["comment"]
        if len(comment) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                _("Kommentaren får vara högst %(max)s tecken. Nu är den %(length)s tecken."),
                code="max_length",
                params={"max": "2 000", "length": len(comment)},
            )
        if MARKUP.search(comment):
            raise forms.ValidationError(
                _("Skriv bara vanlig text, utan HTML-kod som <b> eller <script>."),
                code="markup",
            )
        return comment

    def clean(self):
        cleaned_data = super().clean()
        month = cleaned_data.get("participation_month")
        year = cleaned_data.get("participation_year")
        if month and year:
            ended = date(year, month, 1)
            if ended > this_month():
                self.add_error(
                    "participation_month",
                    forms.ValidationError(
                        _("Månaden kan inte ligga i framtiden. Välj den månad då du slutade."),
                        code="future",
                    ),
                )
            else:
                cleaned_data["participation_ended"] = ended
        self.personal_data = personal_data_kinds(cleaned_data.get("comment", ""))
        if self.personal_data and not cleaned_data.get("confirm_personal_data"):
            self.add_error(
                "comment",
                forms.ValidationError(
                    _(
                        "Det ser ut som att kommentaren innehåller %(kinds)s. Ta bort det, "
                        "så att ingen kan känna igen dig eller någon annan. Vill du skicka "
                        "ändå? Kryssa då i rutan under kommentaren."
                    ),
                    code="personal_data",
                    params={"kinds": describe(self.personal_data)},
                ),
            )
        return cleaned_data

    @property
    def asks_about_personal_data(self):
        """Whether to show the box that sends a comment with personal data anyway."""
        return bool(self.personal_data) or bool(self.data.get("confirm_personal_data"))

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def error_summary(self):
        """(anchor id, message) for each error, in the order the fields appear."""
        items = [(None, error) for error in self.non_field_errors()]
        for field in self:
            anchor = f"{field.auto_id}_0" if field.name == "rating" else field.auto_id
            items.extend((anchor, error) for error in field.errors)
        return items
