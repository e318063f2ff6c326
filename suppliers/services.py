"""Write-side logic for suppliers: Arbetsförmedlingen's results grades."""

from django.db import transaction

from suppliers.models import ResultGrade


@transaction.atomic
def save_result_grade(grade):
    """Save a published grade and keep the latest publication for its supplier and delivery
    area the current one: a newer grade makes the one before it history, and an older
    publication imported late goes straight to history."""
    same_pair = ResultGrade.objects.filter(
        supplier_id=grade.supplier_id, delivery_area_id=grade.delivery_area_id
    ).exclude(pk=grade.pk)
    grade.is_current = not same_pair.filter(published_on__gt=grade.published_on).exists()
    if grade.is_current:
        same_pair.filter(is_current=True).update(is_current=False)
    grade.save()
    return grade
