"""Write-side logic for suppliers: Arbetsförmedlingen's results grades."""

from django.db import transaction

from suppliers.models import ResultGrade

GRADE_FIELDS = ["stars", "no_grade_reason", "period_start", "period_end", "published_on"]
_CHUNK = 500


@transaction.atomic
def save_result_grades(grades):
    """Save published grades, new or corrected, and keep the latest publication for each
    supplier and delivery area its current grade: a newer grade makes the one before it
    history, and an older publication imported late goes straight to history.

    A few queries whatever the number of grades, so an import can save them in batches."""
    new = [grade for grade in grades if grade.pk is None]
    corrected = [grade for grade in grades if grade.pk is not None]
    for grade in new:
        grade.is_current = False
    ResultGrade.objects.bulk_create(new, batch_size=_CHUNK)
    ResultGrade.objects.bulk_update(corrected, GRADE_FIELDS, batch_size=_CHUNK)
    current = _mark_latest_current(
        {(grade.supplier_id, grade.delivery_area_id) for grade in grades}
    )
    for grade in grades:
        grade.is_current = grade.pk in current
    return grades


def save_result_grade(grade):
    """One grade, as the admin's form saves it."""
    return save_result_grades([grade])[0]


def _mark_latest_current(pairs):
    """Returns the pks of the current grades of these (supplier, area) pairs."""
    latest, current = {}, set()
    rows = (
        ResultGrade.objects.filter(supplier_id__in={supplier for supplier, _ in pairs})
        .order_by("published_on", "pk")
        .values_list("pk", "supplier_id", "delivery_area_id", "is_current")
    )
    for pk, supplier_id, area_id, is_current in rows:
        if (supplier_id, area_id) in pairs:
            latest[supplier_id, area_id] = pk
            if is_current:
                current.add(pk)
    wanted = set(latest.values())
    # History first, so that no pair ever has two current grades.
    for pks, is_current in [(current - wanted, False), (wanted - current, True)]:
        pks = sorted(pks)
        for start in range(0, len(pks), _CHUNK):
            ResultGrade.objects.filter(pk__in=pks[start : start + _CHUNK]).update(
                is_current=is_current
            )
    return wanted
