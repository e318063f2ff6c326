"""The offices a visitor compares, kept in the URL (?kontor=<ka>&kontor=<ka>) so that a
comparison can be shared and works without JavaScript and without cookies."""

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from offices.fields import KA_NUMBER_PATTERN, normalize_ka_number

PARAMETER = "kontor"
MAX_OFFICES = 3


class Comparison:
    def __init__(self, query):
        self.query = query
        self.ka_numbers, self.refused, self.ignored = [], [], []
        for value in query.getlist(PARAMETER)[:50]:
            ka_number = normalize_ka_number(value)
            if not KA_NUMBER_PATTERN.match(ka_number):
                self.ignored.append(value[:20])
            elif ka_number in self.ka_numbers or ka_number in self.refused:
                continue
            elif len(self.ka_numbers) == MAX_OFFICES:
                self.refused.append(ka_number)
            else:
                self.ka_numbers.append(ka_number)

    def __contains__(self, ka_number):
        return ka_number in self.ka_numbers

    def __len__(self):
        return len(self.ka_numbers)

    def messages(self):
        notes = []
        if self.refused:
            notes.append(
                _(
                    "Du kan jämföra högst %(max)d kontor. Vi lade inte till KA-nummer %(refused)s. "
                    "Ta bort ett kontor ur jämförelsen först."
                )
                % {"max": MAX_OFFICES, "refused": ", ".join(self.refused)}
            )
        if self.ignored:
            notes.append(
                _("Vi hoppade över %(values)s: ett KA-nummer består av 5–10 siffror.")
                % {"values": ", ".join(f"”{value}”" for value in self.ignored)}
            )
        return notes

    def with_ka_numbers(self, ka_numbers, drop=("sida",)):
        """The current query string, with these offices compared and `drop` left out."""
        query = self.query.copy()
        for name in drop:
            query.pop(name, None)
        query.setlist(PARAMETER, ka_numbers)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    def toggled(self, ka_number, drop=("sida",)):
        """The query string that adds the office, or removes it if it is already compared."""
        if ka_number in self.ka_numbers:
            kept = [ka for ka in self.ka_numbers if ka != ka_number]
            return self.with_ka_numbers(kept, drop)
        return self.with_ka_numbers([*self.ka_numbers, ka_number], drop)

    def comparison_query(self):
        """For /jamfor/: the offices, and the municipality to measure distance from."""
        query = self.query.copy()
        for name in list(query):
            if name not in (PARAMETER, "kommun"):
                query.pop(name)
        query.setlist(PARAMETER, self.ka_numbers)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else ""


def comparison_rows(offices, municipality=None, grades=None):
    """The compared facts as rows of text, one cell per office, marking where they differ.

    grades: {(supplier id, delivery area id): current ResultGrade}.

    [{"label": …, "cells": [text, …], "differs": bool}] – plain text, so the template
    escapes it and "differs" compares what the visitor reads.
    """

    def yes_no(value):
        return _("Ja") if value else _("Nej")

    def names(items):
        return ", ".join(item.name_sv for item in items) or _("Inga angivna")

    def rating(supplier):
        if not supplier.review_count:
            return _("Inga omdömen ännu")
        return _("%(average)s av 5 (%(count)d omdömen)") % {
            "average": floatformat(supplier.rating_average, 1),
            "count": supplier.review_count,
        }

    def result_grade(office):
        area = office.municipality.delivery_area
        grade = (grades or {}).get((office.supplier_id, area.pk if area else None))
        if grade is None or grade.stars is None:
            reason = grade.get_no_grade_reason_display() if grade else _("inget publicerat")
            return _(
                "Inget betyg ännu (%(reason)s). Inget betyg betyder inte en dålig leverantör."
            ) % {"reason": reason}
        return _(
            "%(stars)d av 4 i %(area)s (mätperiod %(start)s – %(end)s, publicerat %(published)s)"
        ) % {
            "stars": grade.stars,
            "area": area.name,
            "start": _date(grade.period_start),
            "end": _date(grade.period_end),
            "published": _date(grade.published_on),
        }

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
        (_("Adress"), [office.full_address for office in offices]),
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
        }
        for label, cells in rows
    ]


def _date(value):
    from django.utils.formats import date_format

    return date_format(value, "j F Y")
