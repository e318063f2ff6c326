"""The public search parameters of /leverantorer/ and what they select."""

import django_filters
from django import forms
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from offices.models import Municipality
from suppliers.models import Industry, Language


def rating_label(n):
    return gettext("%(n)s och högre") % {"n": n}


RATING_CHOICES = [(str(n), lazy(rating_label, str)(n)) for n in range(5, 0, -1)]
RESULT_GRADE_CHOICES = [("4", _("4 av 4"))] + [
    (str(n), lazy(rating_label, str)(n)) for n in range(3, 0, -1)
]
DEFAULT_DISTANCE_KM = 50
DISTANCE_CHOICES = [
    ("10", _("inom 10 km")),
    ("25", _("inom 25 km")),
    ("", _("inom 50 km")),
    ("100", _("inom 100 km")),
    ("alla", _("hela Sverige")),
]
SORT_CHOICES = [
    ("", _("Neutral ordning")),
    ("betyg", _("Högst betyg från deltagare")),
    ("resultatbetyg", _("Bäst resultatbetyg (välj kommun)")),
    ("omdomen", _("Flest omdömen")),
    ("namn", _("Namn A–Ö")),
    ("narmast", _("Närmast (välj kommun)")),
]
MAX_QUERY_LENGTH = 100


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values and sets the unknown ones aside, to be ignored with a note."""

    widget = forms.CheckboxSelectMultiple

    def clean(self, value):
        values = self.to_python(value)
        self.ignored = [v for v in values if not self.valid_value(v)]
        return list(dict.fromkeys(v for v in values if self.valid_value(v)))


class LenientMultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


class CheckboxFilter(django_filters.Filter):
    field_class = forms.BooleanField


class SupplierSearchForm(forms.Form):
    avstand = forms.ChoiceField(
        label=_("Avstånd från kommunen"),
        choices=DISTANCE_CHOICES,
        required=False,
        help_text=_("Närmaste kontor, räknat från kommunens mitt. Gäller när du valt kommun."),
    )
    sortering = forms.ChoiceField(label=_("Sortera"), choices=SORT_CHOICES, required=False)

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("kommun"):
            if cleaned_data.get("sortering") == "narmast":
                self.add_error("sortering", _("Välj en kommun för att sortera på avstånd."))
            elif cleaned_data.get("sortering") == "resultatbetyg":
                self.add_error("sortering", _("Välj en kommun för att sortera på resultatbetyg."))
            if cleaned_data.get("resultatbetyg"):
                self.add_error(
                    "resultatbetyg",
                    _(
                        "Välj en kommun först. Resultatbetyget gäller leveransområdet "
                        "där kommunen ligger."
                    ),
                )
        return cleaned_data


class SupplierFilter(django_filters.FilterSet):
    kommun = django_filters.ChoiceFilter(
        label=_("Kommun eller ort"),
        empty_label=_("Alla kommuner"),
        method="filter_near_municipality",
        widget=forms.Select(attrs={"autocomplete": "address-level2"}),
    )
    sprak = LenientMultipleChoiceFilter(
        label=_("Språk"),
        method="filter_languages",
        help_text=_(
            "Språk som leverantören kan använda utan tolk. "
            "Visar leverantörer med minst ett av språken du väljer."
        ),
    )
    bransch = LenientMultipleChoiceFilter(
        label=_("Bransch"),
        method="filter_industries",
        help_text=_("Yrkesområden där leverantören har särskild kunskap."),
    )
    distans = CheckboxFilter(
        label=_("Distans"),
        method="filter_remote",
        help_text=_(
            "Även med distans träffar du din jobbcoach på kontoret minst var fjärde vecka. "
            "Därför spelar det roll var kontoret ligger."
        ),
    )
    tillganglig = CheckboxFilter(
        label=_("Tillgänglig entré"),
        method="filter_step_free",
        help_text=_("Minst ett kontor har entré utan trappsteg."),
    )
    tar_emot = CheckboxFilter(
        label=_("Tar emot nya deltagare"),
        method="filter_taking_participants",
        help_text=_("Minst ett kontor tar emot nya deltagare just nu."),
    )
    betyg = django_filters.ChoiceFilter(
        label=_("Lägsta betyg"),
        choices=RATING_CHOICES,
        empty_label=_("Alla betyg"),
        method="filter_rating",
        help_text=_("Medelbetyg 1–5 från tidigare deltagares omdömen."),
    )
    resultatbetyg = django_filters.ChoiceFilter(
        label=_("Resultatbetyg"),
        choices=RESULT_GRADE_CHOICES,
        empty_label=_("Alla, även utan betyg"),
        method="filter_result_grade",
        help_text=_(
            "Arbetsförmedlingens betyg 1–4 för leveransområdet där kommunen ligger. "
            "Gäller när du valt kommun."
        ),
    )
    q = django_filters.CharFilter(
        label=_("Sök på namn"),
        max_length=MAX_QUERY_LENGTH,
        method="filter_name",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    class Meta:
        form = SupplierSearchForm
        fields = []

    def __init__(self, data=None, *args, neutral_seed=0, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.neutral_seed = neutral_seed
        self.municipalities = {
            m.code: m
            for m in Municipality.objects.select_related("county", "delivery_area").order_by("name")
        }
        self.languages = {language.code: language for language in Language.objects.all()}
        self.industries = {industry.slug: industry for industry in Industry.objects.all()}
        self.filters["kommun"].extra["choices"] = self.municipality_choices()
        languages = self.languages.values()
        if get_language() != "sv":
            languages = sorted(languages, key=lambda language: language.label.casefold())
        self.filters["sprak"].extra["choices"] = [
            (language.code, language.label_html) for language in languages
        ]
        self.filters["bransch"].extra["choices"] = [
            (slug, industry.label_html) for slug, industry in self.industries.items()
        ]

    def municipality_choices(self):
        by_county = {}
        for municipality in self.municipalities.values():
            by_county.setdefault(municipality.county, []).append(
                (municipality.code, municipality.name)
            )
        return [
            (county.name, choices)
            for county, choices in sorted(by_county.items(), key=lambda item: item[0].code)
        ]

    @property
    def municipality(self):
        """The chosen municipality, once the form is valid for it."""
        return self.municipalities.get(self.form.cleaned_data.get("kommun"))

    def filter_near_municipality(self, queryset, name, code):
        municipality = self.municipalities[code]
        queryset = queryset.with_distance_from(municipality).with_result_grade_in(
            municipality.delivery_area
        )
        distance = self.form.cleaned_data.get("avstand") or str(DEFAULT_DISTANCE_KM)
        return queryset if distance == "alla" else queryset.within_km(int(distance))

    def filter_languages(self, queryset, name, codes):
        return queryset.speaking_any_of([self.languages[code] for code in codes])

    def filter_industries(self, queryset, name, slugs):
        return queryset.in_any_of_industries([self.industries[slug] for slug in slugs])

    def filter_remote(self, queryset, name, wanted):
        return queryset.remote() if wanted else queryset

    def filter_step_free(self, queryset, name, wanted):
        return queryset.with_step_free_office() if wanted else queryset

    def filter_taking_participants(self, queryset, name, wanted):
        return queryset.taking_participants() if wanted else queryset

    def filter_rating(self, queryset, name, minimum):
        return queryset.rated_at_least(int(minimum))

    def filter_result_grade(self, queryset, name, minimum):
        return queryset.graded_at_least(int(minimum))

    def filter_name(self, queryset, name, text):
        text = text.strip()
        return queryset.named_like(text) if text else queryset

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            if name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        return self.ordered(queryset, self.form.cleaned_data.get("sortering"))

    def ordered(self, queryset, sort):
        seed = self.neutral_seed
        if sort == "betyg":
            return queryset.with_bayesian_rating().in_rating_order(seed)
        if sort == "resultatbetyg":
            return queryset.in_result_grade_order(seed)
        if sort == "omdomen":
            return queryset.in_review_count_order(seed)
        if sort == "namn":
            return queryset.in_name_order()
        if sort == "narmast":
            return queryset.in_distance_order(seed)
        return queryset.in_neutral_order(seed)

    def ignored_input(self):
        """What the visitor asked for that we could not use: [(label, value, reason)]."""
        ignored = []
        for field in self.form.fields.values():
            for value in getattr(field, "ignored", []):
                ignored.append((field.label, value, _("finns inte i listan")))
        for name, errors in self.form.errors.as_data().items():
            field = self.form.fields[name]
            value = self.form.data.get(name, "")
            for error in errors:
                reason = (
                    _("finns inte i listan")
                    if error.code == "invalid_choice"
                    else error.messages[0]
                )
                ignored.append((field.label, value, reason))
        return [(label, str(value)[:40], reason) for label, value, reason in ignored]
