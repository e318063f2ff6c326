"""The public search parameters of /leverantorer/ and what they select."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from offices.models import AfRegion, Contract, Municipality
from suppliers.models import Industry, Language
from suppliers.names import swedish_sort_key


# Participants' stars are out of 5, Arbetsförmedlingen's grade out of 4: the options say
# so, so that the two minimums are never read as one scale.
def rating_at_least(n):
    return gettext("minst %(n)s av 5") % {"n": n}


def grade_at_least(n):
    return gettext("minst %(n)s av 4") % {"n": n}


RATING_CHOICES = [("5", _("5 av 5"))] + [
    (str(n), lazy(rating_at_least, str)(n)) for n in range(4, 0, -1)
]
RESULT_GRADE_CHOICES = [("4", _("4 av 4"))] + [
    (str(n), lazy(grade_at_least, str)(n)) for n in range(3, 0, -1)
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
    ("resultatbetyg", _("Bäst resultatbetyg (välj kommun eller område)")),
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
        sort = cleaned_data.get("sortering")
        if sort == "narmast" and not cleaned_data.get("kommun"):
            self.add_error("sortering", _("Välj en kommun för att sortera på avstånd."))
        has_area = cleaned_data.get("kommun") or cleaned_data.get("omrade")
        if sort == "resultatbetyg" and not has_area:
            self.add_error(
                "sortering",
                _("Välj en kommun eller ett leveransområde för att sortera på resultatbetyg."),
            )
        return cleaned_data


class SupplierFilter(django_filters.FilterSet):
    kommun = django_filters.ChoiceFilter(
        label=_("Kommun eller ort"),
        empty_label=_("Alla kommuner"),
        method="filter_near_municipality",
        widget=forms.Select(attrs={"autocomplete": "address-level2"}),
    )
    omrade = django_filters.ChoiceFilter(
        label=_("Leveransområde"),
        empty_label=_("Alla leveransområden"),
        method="filter_area",
        help_text=_(
            "Arbetsförmedlingens avtal gäller ett leveransområde. "
            "Visar leverantörer som har avtal i området."
        ),
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
            "Arbetsförmedlingens betyg 1–4 för leverantörens avtal i leveransområdet du valt, "
            "eller där kommunen ligger. Utan område: leverantörer med minst ett avtal "
            "med så högt betyg."
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
        # One query for both selects: the municipalities, and through them the delivery
        # areas where a contract is in force.
        area_in_use = Exists(
            Contract.objects.in_force().filter(delivery_area=OuterRef("delivery_area"))
        )
        self.municipalities = {
            m.code: m
            for m in Municipality.objects.select_related("county", "delivery_area")
            .annotate(area_in_use=area_in_use)
            .order_by("name")
        }
        self.delivery_areas = {
            m.delivery_area.code: m.delivery_area
            for m in self.municipalities.values()
            if m.area_in_use
        }
        self.languages = {language.code: language for language in Language.objects.all()}
        self.industries = {industry.slug: industry for industry in Industry.objects.all()}
        self.filters["kommun"].extra["choices"] = self.municipality_choices()
        self.filters["omrade"].extra["choices"] = self.delivery_area_choices()
        languages, industries = self.languages.values(), self.industries.values()
        if get_language() != "sv":
            languages = sorted(languages, key=lambda language: language.label.casefold())
            industries = sorted(industries, key=lambda industry: industry.display_name.casefold())
        self.filters["sprak"].extra["choices"] = [
            (language.code, language.label_html) for language in languages
        ]
        self.filters["bransch"].extra["choices"] = [
            (industry.slug, industry.label_html) for industry in industries
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

    def delivery_area_choices(self):
        """The areas with contracts in force, grouped by Arbetsförmedlingen's region."""
        by_region = {}
        for area in self.delivery_areas.values():
            by_region.setdefault(area.region, []).append(area)
        return [
            (
                gettext("Region %(name)s") % {"name": AfRegion(region).label}
                if region
                else gettext("Utan region"),
                [
                    (area.code, area.name)
                    for area in sorted(areas, key=lambda area: swedish_sort_key(area.name))
                ],
            )
            for region, areas in sorted(
                by_region.items(), key=lambda item: (not item[0], swedish_sort_key(item[0]))
            )
        ]

    @property
    def municipality(self):
        """The chosen municipality, once the form is valid for it."""
        return self.municipalities.get(self.cleaned_value("kommun"))

    @property
    def chosen_area(self):
        """The chosen delivery area, once the form is valid for it."""
        return self.delivery_areas.get(self.cleaned_value("omrade"))

    @property
    def delivery_area(self):
        """The area whose contracts the cards show and the grade filter and sort use: the
        chosen area, else the chosen municipality's; None without either."""
        if self.chosen_area is not None:
            return self.chosen_area
        return self.municipality.delivery_area if self.municipality else None

    def cleaned_value(self, name):
        return getattr(self.form, "cleaned_data", {}).get(name)

    def filter_near_municipality(self, queryset, name, code):
        queryset = queryset.with_distance_from(self.municipalities[code])
        distance = self.form.cleaned_data.get("avstand") or str(DEFAULT_DISTANCE_KM)
        return queryset if distance == "alla" else queryset.within_km(int(distance))

    def filter_area(self, queryset, name, code):
        return queryset.with_contract_in_force_in(self.delivery_areas[code])

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
        """With an area, filter_queryset() applies it once the area's contract is
        annotated; without one, any contract in force graded at least `minimum` counts."""
        if self.delivery_area is not None:
            return queryset
        return queryset.with_any_contract_graded_at_least(int(minimum))

    def filter_name(self, queryset, name, text):
        text = text.strip()
        return queryset.named_like(text) if text else queryset

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            if name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        # Annotated after with_distance_from()'s grouping, which must not group by these.
        if self.delivery_area is not None:
            queryset = queryset.with_contract_in(self.delivery_area)
            if minimum := self.form.cleaned_data.get("resultatbetyg"):
                queryset = queryset.graded_at_least(int(minimum))
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
