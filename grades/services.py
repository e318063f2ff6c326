"""Write-side logic for Arbetsförmedlingen's published data."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from grades.grade_file import GradeFile
from grades.models import ResultGrade
from grades.register import Register
from krom.history import AF_IMPORT, Author
from krom.locks import af_writers_lock
from offices.models import Contract

_CHUNK = 500


@transaction.atomic
def save_result_grades(grades, *, author=None):
    """Save published grades, new or corrected, and set each of their contracts' current
    grade to its latest month's. A few queries whatever the number of grades.

    The change history names `author` (krom.history.Author); only invented example data
    is saved without one, and then without history."""
    new = [grade for grade in grades if grade.pk is None]
    corrected = [grade for grade in grades if grade.pk is not None]
    fields = ["stars", "no_grade_reason"]
    if author is None:
        ResultGrade.objects.bulk_create(new, batch_size=_CHUNK)
        ResultGrade.objects.bulk_update(corrected, fields, batch_size=_CHUNK)
    else:
        author.bulk_create(ResultGrade, new)
        author.bulk_update(ResultGrade, corrected, fields)
    refresh_current_grades({grade.contract_id for grade in grades})
    return grades


def refresh_current_grades(contract_ids):
    """Copy each contract's latest published grade to Contract.current_grade(_month)."""
    latest = {}
    rows = (
        ResultGrade.objects.filter(contract_id__in=contract_ids)
        .order_by("contract_id", "month")
        .values_list("contract_id", "month", "stars")
    )
    for contract_id, month, stars in rows:
        latest[contract_id] = month, stars
    current = Contract.objects.filter(pk__in=contract_ids).values_list(
        "pk", "current_grade_month", "current_grade"
    )
    changed = defaultdict(list)
    for contract_id, month, stars in current:
        wanted = latest.get(contract_id, (None, None))
        if (month, stars) != wanted:
            changed[wanted].append(contract_id)
    # One UPDATE per (month, grade): far fewer than one per contract.
    for (month, stars), ids in changed.items():
        for start in range(0, len(ids), _CHUNK):
            Contract.objects.filter(pk__in=ids[start : start + _CHUNK]).update(
                current_grade=stars, current_grade_month=month
            )


@dataclass
class GradeImport:
    """What importing a grade file changes (or, in a dry run, would change)."""

    grade_file: GradeFile
    register: Register
    grades_new: int = 0
    grades_unchanged: int = 0
    dry_run: bool = True
    revised: list = field(default_factory=list)  # (contract, month, stars before, after)

    @property
    def summary(self):
        return self.register.summary() | {
            "grades_new": self.grades_new,
            "grades_changed": len(self.revised),
            "grades_unchanged": self.grades_unchanged,
        }

    @property
    def changes_anything(self):
        summary = self.summary
        return any(summary[key] for key in summary if not key.endswith("_unchanged"))


def import_grade_file(grade_file, *, dry_run=False, source_note="", uploaded_by=None):
    """Import Arbetsförmedlingen's grade file, read by grades.grade_file: every publication
    column becomes the contract's grade for that month. All or nothing; a dry run writes
    nothing. Raises RegisterError when the file contradicts the register. The change
    history names the import (krom.history.AF_IMPORT) and who uploaded the file."""
    if dry_run:
        return _import_grade_file(grade_file, dry_run=True, source_note=source_note)
    with af_writers_lock():
        return _import_grade_file(
            grade_file, dry_run=False, source_note=source_note, uploaded_by=uploaded_by
        )


def _import_grade_file(grade_file, *, dry_run, source_note, uploaded_by=None):
    register = Register(source_note=source_note)
    planned = [
        (register.contract(**_contract_fields(row, grade_file.latest_month)), row)
        for row in grade_file.rows
    ]
    known_ids = [contract.pk for contract, _row in planned if contract.pk is not None]
    known = {
        (grade.contract_id, grade.month): grade
        for grade in ResultGrade.objects.filter(contract_id__in=known_ids)
    }
    result = GradeImport(grade_file=grade_file, register=register, dry_run=dry_run)
    to_save = []
    for contract, row in planned:
        for month, stars in row.grades.items():
            grade = known.get((contract.pk, month)) if contract.pk else None
            if grade is None:
                to_save.append(ResultGrade(contract=contract, month=month, **_grade_fields(stars)))
                result.grades_new += 1
            elif grade.stars == stars:
                result.grades_unchanged += 1
            else:
                result.revised.append((contract, month, grade.stars, stars))
                grade.stars, grade.no_grade_reason = _grade_fields(stars).values()
                to_save.append(grade)
    if not dry_run:
        # Stored data: in Swedish, whatever language the admin uses.
        reason = f"Arbetsförmedlingens betygsfil {source_note}".strip()
        author = Author.system(AF_IMPORT, reason, uploaded_by=uploaded_by)
        register.apply(author)
        for grade in to_save:
            if grade.pk is None:
                grade.contract_id = grade.contract.pk  # new contracts have one now
        save_result_grades(to_save, author=author)
    return result


def _contract_fields(row, seen):
    return {
        "ka_number": row.ka_number,
        "supplier_name": row.supplier_name,
        "area_name": row.area_name,
        "region": row.region,
        "seen": seen,
    }


def _grade_fields(stars):
    """AF's "Betyg saknas" is a grade without stars, for a reason the file does not give."""
    if stars is None:
        return {"stars": None, "no_grade_reason": ResultGrade.NoGradeReason.UNKNOWN}
    return {"stars": stars, "no_grade_reason": ""}
