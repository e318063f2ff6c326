"""The public search parameters of /leverantorer/ and what they select.

Longer than 300 lines because every public parameter of the search, its choices, its
validation and its mapping to the queryset is declared here, in one FilterSet, so that the
view parses nothing by hand."""

import copy
import functools

import django_filters
from django import forms
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from krom.links import form_query
from suppliers.models import Supplier
from suppliers.search_choices import ReferenceChoices, search_reference


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


class SortOrder(models.TextChoices):
    NEUTRAL = "", _("Neutral ordning")
    RATING = "betyg", _("Högst betyg från deltagare")
    RESULT_GRADE = "resultatbetyg", _("Bäst resultatbetyg (välj kommun eller område)")
    REVIEW_COUNT = "omdomen", _("Flest omdömen")
    NAME = "namn", _("Namn A–Ö")
    NEAREST = "narmast", _("Närmast (välj kommun)")


MAX_QUERY_LENGTH = 100


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values and sets the unknown ones aside, to be ignored with a note."""

    widget = forms.CheckboxSelectMultiple

    def clean(self, value):
        values = self.to_python(value)
        self.ignored = [v for v in values if not self.valid_value(v)]
        return list(dict.fromkeys(v for v in values if self.valid_value(v)))


class CopiedShallow:
    """django-filter deep-copies every filter (labels, widgets, choices) for each search;
    ours keep nothing of a search but the `parent` it sets on the copy, which the copy's
    own `method` (made again here) looks its filter method up on."""

    def __deepcopy__(self, memo):
        copied = copy.copy(self)
        copied.method = self._method
        return copied


class ChoiceFilter(CopiedShallow, django_filters.ChoiceFilter):
    pass


class CharFilter(CopiedShallow, django_filters.CharFilter):
    pass


class LenientMultipleChoiceFilter(CopiedShallow, django_filters.MultipleChoiceFilter):
    field_class = LenientMultipleChoiceField


class CheckboxFilter(CopiedShallow, django_filters.Filter):
    field_class = forms.BooleanField


class SupplierSearchForm(forms.Form):
    avstand = forms.ChoiceField(
        label=_("Avstånd från kommunen"),
        choices=DISTANCE_CHOICES,
        required=False,
        help_text=_("Närmaste kontor, räknat från kommunens mitt. Gäller när du valt kommun."),
    )
    sortering = forms.ChoiceField(label=_("Sortera"), choices=SortOrder.choices, required=False)

    def clean(self):
        cleaned_data = super().clean()
        sort = cleaned_data.get("sortering")
        if sort == SortOrder.NEAREST and not cleaned_data.get("kommun"):
            self.add_error("sortering", _("Välj en kommun för att sortera på avstånd."))
        has_area = cleaned_data.get("kommun") or cleaned_data.get("omrade")
        if sort == SortOrder.RESULT_GRADE and not has_area:
            self.add_error(
                "sortering",
                _("Välj en kommun eller ett leveransområde för att sortera på resultatbetyg."),
            )
        return cleaned_data


class SupplierFilter(django_filters.FilterSet):
    kommun = ChoiceFilter(
        label=_("Kommun eller ort"),
        choices=ReferenceChoices("municipality"),
        empty_label=_("Alla kommuner"),
        method="filter_near_municipality",
        widget=forms.Select(attrs={"autocomplete": "address-level2"}),
    )
    omrade = ChoiceFilter(
        label=_("Leveransområde"),
        choices=ReferenceChoices("delivery_area"),
        empty_label=_("Alla leveransområden"),
        method="filter_area",
        help_text=_(
            "Arbetsförmedlingens avtal gäller ett leveransområde. "
            "Visar leverantörer som har avtal i området."
        ),
    )
    sprak = LenientMultipleChoiceFilter(
        label=_("Språk"),
        choices=ReferenceChoices("language"),
        method="filter_languages",
        help_text=_(
            "Språk som leverantören kan använda utan tolk. "
            "Visar leverantörer med minst ett av språken du väljer."
        ),
    )
    bransch = LenientMultipleChoiceFilter(
        label=_("Bransch"),
        choices=ReferenceChoices("industry"),
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
    betyg = ChoiceFilter(
        label=_("Lägsta betyg"),
        choices=RATING_CHOICES,
        empty_label=_("Alla betyg"),
        method="filter_rating",
        help_text=_("Medelbetyg 1–5 från tidigare deltagares omdömen."),
    )
    resultatbetyg = ChoiceFilter(
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
    q = CharFilter(
        label=_("Sök på namn"),
        max_length=MAX_QUERY_LENGTH,
        method="filter_name",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )

    class Meta:
        form = SupplierSearchForm
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        reference = search_reference()
        self.municipalities = reference.municipalities
        self.delivery_areas = reference.delivery_areas
        self.languages = reference.languages
        self.industries = reference.industries

    @classmethod
    @functools.cache
    def form_class(cls):
        """The form, made once per process: django-filter would make a new class for each
        search. Its fields read their choices from the process's reference data."""
        fields = {name: filter_.field for name, filter_ in cls.base_filters.items()}
        return type(f"{cls.__name__}Form", (cls._meta.form,), fields)

    def get_form_class(self):
        return self.form_class()

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
        return self.cleaned_data().get(name)

    def cleaned_data(self):
        """The valid values asked for, once the form has been validated (here if need be)."""
        if self.form.is_bound:
            self.form.errors  # noqa: B018 (validates the form once)
        return getattr(self.form, "cleaned_data", {})

    def filter_near_municipality(self, queryset, name, code):
        distance = self.form.cleaned_data.get("avstand") or str(DEFAULT_DISTANCE_KM)
        municipality = self.municipalities[code]
        queryset = queryset.with_distance_from(municipality)
        return queryset if distance == "alla" else queryset.within_km(municipality, int(distance))

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
        """The suppliers found, unordered: suppliers/search_order.py orders them, with the
        values suppliers/search_order.py needs annotated. Only suppliers a job seeker can
        choose are ever found."""
        queryset = queryset.searchable()
        for name, value in self.form.cleaned_data.items():
            if name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        if self.delivery_area is not None:
            queryset = queryset.with_contract_in(self.delivery_area)
            if minimum := self.form.cleaned_data.get("resultatbetyg"):
                queryset = queryset.graded_at_least(int(minimum))
        if self.sort == SortOrder.RATING:
            queryset = queryset.with_bayesian_rating()
        return queryset

    @property
    def sort(self):
        return SortOrder(self.cleaned_value("sortering") or SortOrder.NEUTRAL)

    def cache_parts(self):
        """Everything the suppliers found depend on besides the register and the day: the
        validated values, in a stable order."""
        data = self.cleaned_data()
        return tuple((name, repr(data.get(name))) for name in sorted(self.form.fields))

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


def search_query(data):
    """The search's parameters in `data` that its form accepts, as the search would send
    them (krom.links.form_query): what the comparison and the supplier page carry back to
    the search."""
    return form_query(SupplierFilter(data, queryset=Supplier.objects.none()).form)
