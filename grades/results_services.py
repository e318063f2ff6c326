"""Importing Arbetsförmedlingen's results follow-up: plan what a file changes (the dry run
shows the plan), then write it all in one transaction, or nothing.

AF revises past periods in later files, so the newest file wins for a period: a file
replaces the rows of its periods for the contracts in it, unless a file with a newer period
(a later edition) has already given them. Unknown KA-numbers become contracts (and
suppliers, and delivery areas) through the shared Register."""

import datetime
from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from grades.models import ContractResult, ResultWeights
from grades.register import Register, RegisterError
from grades.results_file import LEVELS, ResultsFileError
from krom.history import AF_IMPORT, Author
from krom.locks import af_writers_lock

RESULT_FIELDS = [
    "grade",
    "weighted_result",
    "active_22_months",
    "risks_termination",
    "participants",
    *(f"{kind}_{level}" for kind in ["participants", "rr1", "rr2"] for level in LEVELS.lower()),
]
WEIGHT_FIELDS = ["weight_a", "weight_b", "weight_c"]
_FILE_FIELDS = ["source_file", "edition"]


@dataclass
class PeriodCounts:
    """What a file does to one period's rows."""

    period: datetime.date
    rows: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    newer_kept: int = 0  # a file with a newer period has already given these rows
    weights: str = "new"  # new, changed, unchanged or newer_kept, as for the rows
    has_risks_termination: bool = False  # else "riskerar hävning" is unknown for the period
    disagreements: list = field(default_factory=list)


@dataclass
class ResultsImport:
    results_file: object
    register: Register
    periods: list = field(default_factory=list)
    to_create: list = field(default_factory=list)
    to_update: list = field(default_factory=list)
    weights_to_save: list = field(default_factory=list)

    @property
    def register_summary(self):
        return self.register.summary()

    @property
    def disagreements(self):
        return self.results_file.disagreements

    @property
    def totals(self):
        return {
            key: sum(getattr(counts, key) for counts in self.periods)
            for key in ["rows", "new", "changed", "unchanged", "newer_kept"]
        }


def import_results(results_file, *, dry_run=False, uploaded_by=None):
    """Plan the import of a parsed file and, unless dry_run, write it: all or nothing.
    The change history names the import (krom.history.AF_IMPORT) and who uploaded the file.

    Raises ResultsFileError (in Swedish) when the file does not fit the register."""
    if dry_run:
        return _plan(results_file)
    with af_writers_lock():
        plan = _plan(results_file)
        _apply(plan, Author.system(AF_IMPORT, plan.register.source_note, uploaded_by=uploaded_by))
    return plan


def _plan(results_file):
    # Stored data: in Swedish, whatever language the admin uses.
    register = Register(
        source_note=f"Arbetsförmedlingens resultatuppföljning ({results_file.name})"
    )
    plan = ResultsImport(results_file, register)
    periods = [sheet.period for sheet in results_file.periods]
    stored = {
        (result.ka_number, result.period): result
        for result in ContractResult.objects.filter(period__in=periods).annotate(
            ka_number=F("contract__ka_number")
        )
    }
    stored_weights = {w.period: w for w in ResultWeights.objects.filter(period__in=periods)}
    from_file = {"source_file": results_file.name[:200], "edition": results_file.edition}
    for sheet in results_file.periods:
        counts = PeriodCounts(
            sheet.period,
            rows=len(sheet.rows),
            has_risks_termination=sheet.has_risks_termination,
            disagreements=sheet.disagreements,
        )
        plan.periods.append(counts)
        weights = {f"weight_{level}": weight for level, weight in sheet.weights.items()}
        current = stored_weights.get(sheet.period)
        if current is None:
            plan.weights_to_save.append(ResultWeights(period=sheet.period, **weights, **from_file))
        else:
            counts.weights = _compare(current, weights, from_file, plan.weights_to_save)
        for row in sheet.rows:
            current = stored.get((row.ka_number, sheet.period))
            newer_kept = current is not None and current.edition > results_file.edition
            try:
                contract = register.contract(
                    ka_number=row.ka_number,
                    supplier_name=row.supplier_name,
                    area_name=row.area_name,
                    region=None,
                    seen=sheet.period,
                    # A newer file has spoken about this contract: keep its start date.
                    start_date=None if newer_kept else row.start_date,
                )
            except RegisterError as error:
                raise ResultsFileError(
                    _("%(period)s, rad %(line)s: %(error)s")
                    % {"period": f"{sheet.period:%Y-%m}", "line": row.line, "error": error}
                ) from error
            values = _values(row, sheet.has_risks_termination)
            if current is None:
                plan.to_create.append(
                    ContractResult(contract=contract, period=sheet.period, **values, **from_file)
                )
                counts.new += 1
            else:
                outcome = _compare(current, values, from_file, plan.to_update)
                setattr(counts, outcome, getattr(counts, outcome) + 1)
    return plan


def _values(row, has_risks_termination):
    values = {
        "grade": row.grade,
        "weighted_result": row.weighted_result,
        "active_22_months": row.active_22_months,
        **row.counts,
    }
    # A file without the column says nothing of it: what an earlier file said stands.
    if has_risks_termination:
        values["risks_termination"] = row.risks_termination
    return values


def _compare(current, values, from_file, to_update):
    """Compare a stored row with the file's; queue it for update when the file wins."""
    if current.edition > from_file["edition"]:
        return "newer_kept"
    same = all(getattr(current, name) == value for name, value in values.items())
    if same and current.edition == from_file["edition"]:
        return "unchanged"
    # A newer edition repeating the same values is still the newest word on them.
    for name, value in {**values, **from_file}.items():
        setattr(current, name, value)
    to_update.append(current)
    return "unchanged" if same else "changed"


def _apply(plan, author):
    plan.register.apply(author)
    now = timezone.now()
    for result in plan.to_update:
        result.imported_at = now
    author.bulk_create(ContractResult, plan.to_create)
    author.bulk_update(
        ContractResult, plan.to_update, [*RESULT_FIELDS, *_FILE_FIELDS, "imported_at"]
    )
    ResultWeights.objects.bulk_create([w for w in plan.weights_to_save if w.pk is None])
    ResultWeights.objects.bulk_update(
        [w for w in plan.weights_to_save if w.pk is not None], [*WEIGHT_FIELDS, *_FILE_FIELDS]
    )
