"""Reading Arbetsförmedlingen's results follow-up file (resultatuppfoljning-*.xlsx).

One sheet "Resultat YYYY-MM" per period, header in the first row, one row per contract;
one sheet "Beräkningssnurra YYYY-MM" per period with the weights of levels A–C. A file whose
layout has changed is refused as a whole with a message saying what is wrong, so nothing is
imported from a file we read wrongly."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

import openpyxl
from django.utils.translation import gettext as _

from grades import cells
from krom.tables import UNREADABLE_WORKBOOK
from offices.fields import AF_KA_NUMBER_PATTERN

RESULTS_SHEET = "Resultat"
WEIGHTS_SHEET = "Beräkningssnurra"
LEVELS = "ABC"
COUNTS = {
    "participants": "ANTAL DELTAGARE",
    **{f"participants_{lv.lower()}": f"ANTAL DELTAGARE NIVÅ {lv}" for lv in LEVELS},
    **{f"rr1_{lv.lower()}": f"ANTAL RR1 NIVÅ {lv}" for lv in LEVELS},
    **{f"rr2_{lv.lower()}": f"ANTAL RR2 NIVÅ {lv}" for lv in LEVELS},
}
ACTIVE_22_MONTHS = "AVTAL HAR VARIT AKTIVT I 22 MÅNADER"
_CONTRACT = ["PERIOD", "LEVERANSOMRÅDE", "LEVERANTÖRNAMN", "KA-NUMMER", "STARTDATUM AVTAL"]
REQUIRED_COLUMNS = [*_CONTRACT, ACTIVE_22_MONTHS, "BETYG", "VIKTAT RESULTATMÅTT", *COUNTS.values()]
RISKS_TERMINATION = "RISKERAR HÄVNING"  # only in some periods: absent means unknown
# AF rounds the measure to three decimals; allow that and a little relative slack.
TOLERANCE, RELATIVE_TOLERANCE = Decimal("0.001"), Decimal("0.001")
_MAX_ERRORS = 10


class ResultsFileError(ValueError):
    """The file cannot be read as AF's results follow-up; the message says why, in Swedish."""


@dataclass(frozen=True)
class ResultRow:
    line: int
    ka_number: str
    supplier_name: str
    area_name: str
    start_date: datetime.date | None
    active_22_months: bool | None
    grade: int | None
    weighted_result: Decimal | None
    risks_termination: bool | None
    counts: dict

    def computed_weighted_result(self, weights):
        """(Σ weight × (RR1 + RR2) over levels A–C) / (2 × participants); weights maps
        "a", "b" and "c" to the level's weight."""
        if not self.counts["participants"]:
            return None
        results = {lv: self.counts[f"rr1_{lv}"] + self.counts[f"rr2_{lv}"] for lv in weights}
        return sum(weights[lv] * results[lv] for lv in weights) / (2 * self.counts["participants"])


@dataclass(frozen=True)
class Disagreement:
    period: datetime.date
    row: ResultRow
    computed: Decimal

    def __str__(self):
        return _(
            "%(period)s, rad %(line)s, KA %(ka)s: filen anger %(published)s, "
            "vikterna ger %(computed)s"
        ) % {
            "period": f"{self.period:%Y-%m}",
            "line": self.row.line,
            "ka": self.row.ka_number,
            "published": self.row.weighted_result,
            "computed": f"{self.computed:.4f}",
        }


@dataclass
class PeriodSheet:
    period: datetime.date
    weights: dict  # "a", "b", "c" → the level's weight
    rows: list
    has_risks_termination: bool
    disagreements: list = field(default_factory=list)


@dataclass
class ResultsFile:
    name: str
    periods: list  # of PeriodSheet, oldest first

    @property
    def edition(self):
        """The newest period in the file: a file with a newer one wins over this one."""
        return self.periods[-1].period

    @property
    def row_count(self):
        return sum(len(sheet.rows) for sheet in self.periods)

    @property
    def disagreements(self):
        return [d for sheet in self.periods for d in sheet.disagreements]


def read_results_file(source, name):
    """Parse the whole file (a path or a binary file object), or raise ResultsFileError."""
    try:
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
        try:
            periods = _read_periods(workbook)
        finally:
            workbook.close()
    except UNREADABLE_WORKBOOK as error:
        raise ResultsFileError(
            _("Filen går inte att läsa som en Excel-fil (xlsx): %(error)s") % {"error": error}
        ) from error
    return ResultsFile(name=name, periods=periods)


def _read_periods(workbook):
    results, weights = _sheets_by_period(workbook)
    periods = []
    for period, sheet in sorted(results.items()):
        if period not in weights:
            raise ResultsFileError(
                _("Bladet ”%(sheet)s” saknas: vikterna för perioden behövs.")
                % {"sheet": f"{WEIGHTS_SHEET} {period:%Y-%m}"}
            )
        periods.append(_read_period(sheet, period, _read_weights(weights[period])))
    return periods


def _sheets_by_period(workbook):
    results, weights = {}, {}
    for sheet in workbook.worksheets:
        kind, _space, period = sheet.title.strip().partition(" ")
        found = {RESULTS_SHEET: results, WEIGHTS_SHEET: weights}.get(kind)
        if found is None:
            continue
        month = cells.month(period)
        if month is None:
            raise ResultsFileError(
                _("Bladet ”%(sheet)s” har inte en period i formen ÅÅÅÅ-MM i sitt namn.")
                % {"sheet": sheet.title}
            )
        found[month] = sheet
    if not results:
        raise ResultsFileError(
            _("Filen har inget blad som heter ”%(sheet)s ÅÅÅÅ-MM”. Är det rätt fil?")
            % {"sheet": RESULTS_SHEET}
        )
    return results, weights


def _read_weights(sheet):
    found = {}
    for row in sheet.iter_rows(values_only=True):
        label = cells.text(row[0] if row else None).lower()
        for level in LEVELS:
            if label == f"vikt nivå {level}".lower():
                numbers = [cell for cell in row[1:] if cells.text(cell)]
                found[level] = cells.decimal(numbers[0] if numbers else None)
    missing = [level for level in LEVELS if found.get(level) is None]
    if missing:
        raise ResultsFileError(
            _("Bladet ”%(sheet)s” saknar ett tal för %(labels)s.")
            % {"sheet": sheet.title, "labels": ", ".join(f"Vikt nivå {lv}" for lv in missing)}
        )
    return {level.lower(): found[level].quantize(Decimal("0.000001")) for level in LEVELS}


def _read_period(sheet, period, weights):
    rows = sheet.iter_rows(values_only=True)
    header = [cells.text(cell).upper() for cell in next(rows, ())]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ResultsFileError(
            _("Bladet ”%(sheet)s” saknar kolumnerna %(columns)s.")
            % {"sheet": sheet.title, "columns": ", ".join(f"”{c}”" for c in missing)}
        )
    index = {
        column: header.index(column)
        for column in [*REQUIRED_COLUMNS, RISKS_TERMINATION]
        if column in header
    }
    result = PeriodSheet(period, weights, [], RISKS_TERMINATION in index)
    errors, seen = [], set()
    for line, values in enumerate(rows, start=2):
        if not any(cells.text(value) for value in values):
            continue
        in_column = {column: values[i] if i < len(values) else None for column, i in index.items()}
        try:
            row = _read_row(in_column, line, period)
            if row.ka_number in seen:
                raise ValueError(_("KA-nummer %(ka)s står två gånger.") % {"ka": row.ka_number})
        except ValueError as error:
            errors.append(_("rad %(line)s: %(error)s") % {"line": line, "error": error})
            continue
        seen.add(row.ka_number)
        result.rows.append(row)
        computed = row.computed_weighted_result(weights)
        if _disagrees(row.weighted_result, computed):
            result.disagreements.append(Disagreement(period, row, computed))
    if errors:
        more = len(errors) - _MAX_ERRORS
        raise ResultsFileError(
            _("Bladet ”%(sheet)s”: %(errors)s")
            % {"sheet": sheet.title, "errors": "; ".join(errors[:_MAX_ERRORS])}
            + (_(" … och %(count)s fel till.") % {"count": more} if more > 0 else "")
        )
    return result


def _disagrees(published, computed):
    if published is None or computed is None:
        return False
    return abs(published - computed) > TOLERANCE + RELATIVE_TOLERANCE * abs(computed)


def _read_row(in_column, line, period):
    if cells.month(in_column["PERIOD"]) != period:
        raise ValueError(
            _("PERIOD är ”%(value)s” men bladet gäller %(period)s.")
            % {"value": cells.text(in_column["PERIOD"]), "period": f"{period:%Y-%m}"}
        )
    ka_number = cells.text(in_column["KA-NUMMER"]).removesuffix(".0")
    if not AF_KA_NUMBER_PATTERN.match(ka_number):
        raise cells.invalid(_("%(column)s ”%(value)s” är inte 8 siffror."), "KA-NUMMER", ka_number)
    weighted = in_column["VIKTAT RESULTATMÅTT"]
    return ResultRow(
        line=line,
        ka_number=ka_number,
        supplier_name=cells.text(in_column["LEVERANTÖRNAMN"]),
        area_name=cells.text(in_column["LEVERANSOMRÅDE"]),
        start_date=cells.date(in_column["STARTDATUM AVTAL"], "STARTDATUM AVTAL"),
        active_22_months=cells.yes_no(in_column[ACTIVE_22_MONTHS], ACTIVE_22_MONTHS),
        grade=cells.grade(in_column["BETYG"], "BETYG"),
        weighted_result=None
        if cells.text(weighted) in cells.NO_VALUE
        else cells.number(weighted, "VIKTAT RESULTATMÅTT").quantize(Decimal("0.0001")),
        risks_termination=cells.yes_no(in_column.get(RISKS_TERMINATION), RISKS_TERMINATION),
        counts={name: cells.count(in_column[column], column) for name, column in COUNTS.items()},
    )
