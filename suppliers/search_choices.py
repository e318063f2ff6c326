"""The search's reference data, loaded once per process instead of on every request.

Municipalities (with county and delivery area), the delivery areas where a contract is in
force, languages and industries: three queries and ~400 model instances that change a few
times a year (`load_reference_data`) or, for the areas in use, when a contract starts or
ends. A process keeps one snapshot and loads it again when a save or delete of those models
in this process says it changed, and at the latest after MAX_AGE_SECONDS, which is how
changes made by other processes (imports, another worker's admin) arrive. Choice lists are
built once per UI language. Nothing here is copied per request: the form fields get callables.
"""

import threading
import time

from django.db.models import Exists, OuterRef
from django.db.models.signals import post_delete, post_save
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language, gettext

from offices.models import Contract
from places.models import AfRegion, County, DeliveryArea, Municipality
from suppliers.models import Industry, Language, Supplier
from suppliers.names import swedish_sort_key

MAX_AGE_SECONDS = 60
_lock = threading.Lock()
_current = {"snapshot": None}


class Snapshot:
    def __init__(self):
        self.loaded_at = time.monotonic()
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
        self._choices = {}

    def choices(self, name):
        """The choice list `name` in the active UI language, built once per language."""
        key = (name, get_language())
        if key not in self._choices:
            self._choices[key] = getattr(self, f"_{name}_choices")()
        return self._choices[key]

    def _municipality_choices(self):
        by_county = {}
        for municipality in self.municipalities.values():
            by_county.setdefault(municipality.county, []).append(
                (municipality.code, municipality.name)
            )
        return [
            (county.name, choices)
            for county, choices in sorted(by_county.items(), key=lambda item: item[0].code)
        ]

    def _delivery_area_choices(self):
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

    def _language_choices(self):
        languages = self.languages.values()
        if get_language() != "sv":
            languages = sorted(languages, key=lambda language: language.label.casefold())
        return [(language.code, language.label_html) for language in languages]

    def _industry_choices(self):
        industries = self.industries.values()
        if get_language() != "sv":
            industries = sorted(industries, key=lambda industry: industry.display_name.casefold())
        return [(industry.slug, industry.label_html) for industry in industries]


def search_reference():
    """This process's snapshot, loaded again when it has changed or grown old."""
    snapshot = _current["snapshot"]
    if snapshot is None or time.monotonic() - snapshot.loaded_at > MAX_AGE_SECONDS:
        with _lock:
            snapshot = _current["snapshot"]
            if snapshot is None or time.monotonic() - snapshot.loaded_at > MAX_AGE_SECONDS:
                snapshot = _current["snapshot"] = Snapshot()
    return snapshot


def forget_search_reference(**kwargs):
    """Load the snapshot again on next use (a signal receiver, and for tests)."""
    _current["snapshot"] = None


# A contract starting or ending, or a supplier (de)activated, changes the areas in use.
for model in (County, Municipality, DeliveryArea, Language, Industry, Contract, Supplier):
    post_save.connect(forget_search_reference, sender=model, dispatch_uid=f"search-ref-{model}")
    post_delete.connect(
        forget_search_reference, sender=model, dispatch_uid=f"search-ref-del-{model}"
    )


class ReferenceChoices(BaseChoiceIterator):
    """A form field's choices read from the snapshot when the field renders or validates,
    so that creating (and deep-copying) the form copies no list."""

    def __init__(self, name):
        self.name = name

    def __iter__(self):
        return iter(search_reference().choices(self.name))

    def __len__(self):
        return len(search_reference().choices(self.name))

    def __deepcopy__(self, memo):
        return self
