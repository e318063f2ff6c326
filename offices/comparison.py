"""The offices a visitor compares, kept in the URL (?kontor=<office>&kontor=<office>) so
that a comparison can be shared and works without JavaScript and without cookies.

An office is named as Office.url_key writes it, "<id>-<name>". Links shared before
contracts named an office by its own KA-number, digits only: those still name it, through
Office.legacy_ka_number (the rule of Office.objects.from_url_key)."""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.template.defaultfilters import floatformat
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from krom.list_join import join_names
from offices.models import URL_KEY, Office

PARAMETER = "kontor"
SWEDISH = "sv"  # a row whose cells are Swedish text (addresses), marked lang="sv" in any page
MAX_OFFICES = 3


@dataclass(frozen=True)
class OfficeKey:
    """One office as the URL names it: by its id, or by its own KA-number from before
    contracts. Two keys are equal when they name the same office in the same way."""

    text: str = field(compare=False)
    office_id: int | None = None
    legacy_ka_number: str | None = None

    @classmethod
    def parse(cls, value):
        """The key in `value`, or None when it names no office."""
        match = URL_KEY.fullmatch(value)
        if match is None:
            return None
        if match.group("name") is None:
            return cls(value, legacy_ka_number=match.group("id"))
        return cls(value, office_id=int(match.group("id")))

    def __str__(self):
        return self.text


class Comparison:
    def __init__(self, query, keep=None):
        """The offices are read from `query` (request.GET); links carry them and `keep`,
        the page's validated parameters (krom/links.py), never the raw query string."""
        self.query = QueryDict(mutable=True)
        keep = keep if keep is not None else QueryDict()
        # In the order the visitor's URL named them, so that links read as it did.
        for name in [*query, *keep]:
            if name == PARAMETER:
                self.query.setlist(name, [])
            elif name in keep and name not in self.query:
                self.query.setlist(name, keep.getlist(name))
        self.office_keys, self.refused, self.ignored = [], [], []
        for value in query.getlist(PARAMETER)[:50]:
            key = OfficeKey.parse(value)
            if key is None:
                self.ignored.append(value[:20])
            elif key in self.office_keys or key in self.refused:
                continue
            elif len(self.office_keys) == MAX_OFFICES:
                self.refused.append(key)
            else:
                self.office_keys.append(key)

    def __contains__(self, url_key):
        """Whether the office with this url_key is compared (an old KA-number naming it
        in the URL does not count: /jamfor/ renames it)."""
        return OfficeKey.parse(url_key) in self.office_keys

    def __len__(self):
        return len(self.office_keys)

    def messages(self):
        notes = []
        if self.refused:
            notes.append(
                _(
                    "Du kan jämföra högst %(max)d kontor. Vi lade inte till fler. "
                    "Ta bort ett kontor ur jämförelsen först."
                )
                % {"max": MAX_OFFICES}
            )
        if self.ignored:
            notes.append(
                _("Vi hoppade över %(values)s: det är inte en länk till ett kontor.")
                % {"values": ", ".join(f"”{value}”" for value in self.ignored)}
            )
        return notes

    def with_keys(self, keys, drop=("sida",)):
        """The current query string, with these offices compared and `drop` and empty
        values left out."""
        encoded = self.kept_query(keys, drop).urlencode()
        return f"?{encoded}" if encoded else "?"

    def kept_query(self, keys, drop):
        """The kept parameters in the URL's order, without `drop` and empty values, with
        `keys` as the compared offices."""
        query = QueryDict(mutable=True)
        for name in [*self.query, PARAMETER]:
            if name == PARAMETER:
                query.setlist(name, [str(key) for key in keys])
            elif name not in drop:
                values = [value for value in self.query.getlist(name) if value != ""]
                if values:
                    query.setlist(name, values)
        if not keys:
            query.pop(PARAMETER, None)
        return query

    def query_with_offices(self):
        """The kept parameters and the compared offices, as a QueryDict."""
        query = self.query.copy()
        if self.office_keys:
            query.setlist(PARAMETER, [str(key) for key in self.office_keys])
        return query

    def toggled(self, url_key, drop=("sida",)):
        """The query string that adds the office with this url_key, or removes it if it is
        already compared."""
        key = OfficeKey.parse(url_key)
        if key in self.office_keys:
            return self.with_keys([other for other in self.office_keys if other != key], drop)
        return self.with_keys([*self.office_keys, url_key], drop)

    def name_offices(self, offices):
        """Name the compared offices as found (compared_offices()), by their url_key: old
        KA-numbers and outdated names give way, offices not found are dropped."""
        self.office_keys = [OfficeKey.parse(office.url_key) for office in offices]

    def comparison_query(self):
        """For /jamfor/ and the supplier page: the offices and the rest of the search (place,
        distance, languages, remote, sort …), so that the way back to the search keeps every
        choice. The page number and empty values are left out."""
        encoded = self.kept_query(self.office_keys, drop=("sida",)).urlencode()
        return f"?{encoded}" if encoded else ""


def compared_offices(comparison):
    """(offices, missing): the compared offices job seekers can choose, in the URL's
    order, and the keys of those not found among them. At most three queries."""
    keys = comparison.office_keys
    legacy = [key.legacy_ka_number for key in keys if key.legacy_ka_number]
    by_legacy = {}
    if legacy:
        by_legacy = dict(
            Office.objects.filter(legacy_ka_number__in=legacy).values_list("legacy_ka_number", "pk")
        )
    ids = [key.office_id or by_legacy.get(key.legacy_ka_number) for key in keys]
    found = {
        office.pk: office
        for office in Office.objects.for_comparison([pk for pk in ids if pk is not None])
    }
    offices, missing = [], []
    for key, office_id in zip(keys, ids, strict=True):
        office = found.get(office_id)
        if office is None:
            missing.append(key)
        elif office not in offices:
            offices.append(office)
    return offices, missing


def comparison_rows(offices, municipality=None):
    """The compared facts as rows of text, one cell per office, marking where they differ.

    [{"label": …, "cells": [text, …], "differs": bool, "swedish": bool}] – plain text, so
    the template escapes it and "differs" compares what the visitor reads.
    """

    def yes_no(value):
        return _("Ja") if value else _("Nej")

    def names(items):
        return join_names(item.display_name for item in items) or _("Inga angivna")

    def rating(supplier):
        if not supplier.review_count:
            return _("Inga omdömen ännu")
        return _("%(average)s av 5 (%(count)d omdömen)") % {
            "average": floatformat(supplier.rating_average, 1),
            "count": supplier.review_count,
        }

    def result_grade(office):
        contract = office.contract
        if contract.current_grade_month is None:
            return _(
                "Inget betyg ännu (inget publicerat för avtalet). "
                "Inget betyg betyder inte en dålig leverantör."
            )
        facts = {
            "stars": contract.current_grade,
            "area": contract.delivery_area.name,
            "month": date_format(contract.current_grade_month, "F Y"),
        }
        if contract.current_grade is None:
            return (
                _(
                    "Inget betyg ännu för avtalet i %(area)s (%(month)s): Arbetsförmedlingen "
                    "skriver ”Betyg saknas” och anger inte varför. "
                    "Inget betyg betyder inte en dålig leverantör."
                )
                % facts
            )
        return _("%(stars)d av 4 för avtalet i %(area)s (%(month)s)") % facts

    def taking(office):
        if office.taking_participants:
            return _("Ja")
        if office.taking_participants_from:
            return _("Nej, från %(date)s") % {"date": _date(office.taking_participants_from)}
        return _("Nej, inte just nu")

    def verified(office):
        if office.verified_at is None:
            return _("Inte kontrollerade")
        text = _("%(date)s, källa: %(source)s") % {
            "date": _date(office.verified_at),
            "source": office.get_data_source_display() or _("okänd"),
        }
        if office.verification_is_stale:
            text += " – " + _("äldre än ett halvår")
        return text

    rows = [
        (_("Adress"), [office.full_address for office in offices], SWEDISH),
    ]
    if municipality is not None:
        rows.append(
            (
                _("Avstånd från %(name)s") % {"name": municipality.name},
                [
                    _("%(km)s km") % {"km": round(office.distance_km_from(municipality))}
                    for office in offices
                ],
            )
        )
    rows += [
        (_("Språk utan tolk"), [names(office.supplier.languages.all()) for office in offices]),
        (_("Branscher"), [names(office.supplier.industries.all()) for office in offices]),
        (_("Delar på distans"), [yes_no(office.supplier.offers_remote) for office in offices]),
        (_("Arbetsförmedlingens resultatbetyg"), [result_grade(office) for office in offices]),
        (_("Deltagarnas omdömen"), [rating(office.supplier) for office in offices]),
        (_("Tar emot nya deltagare"), [taking(office) for office in offices]),
    ]
    for index, (label, _value, _display) in enumerate(offices[0].accessibility if offices else []):
        rows.append(
            (label[:1].upper() + label[1:], [office.accessibility[index][2] for office in offices])
        )
    rows.append((_("Uppgifterna kontrollerades"), [verified(office) for office in offices]))
    return [
        {
            "label": label,
            "cells": [
                {"office": office.supplier.name, "text": str(text)}
                for office, text in zip(offices, cells, strict=True)
            ],
            "differs": len(set(map(str, cells))) > 1,
            "swedish": SWEDISH in flags,
        }
        for label, cells, *flags in rows
    ]


def _date(value):
    return date_format(value, "j F Y")
