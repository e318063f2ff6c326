import datetime

import factory

from grades.models import ResultGrade
from grades.services import save_result_grades
from krom.history import Author
from tests.offices.factories import ContractFactory


class ResultGradeFactory(factory.django.DjangoModelFactory):
    """Saved through the service, so the contract's current grade follows, with history
    (written by no one in particular)."""

    class Meta:
        model = ResultGrade

    contract = factory.SubFactory(ContractFactory)
    month = datetime.date(2026, 3, 1)
    stars = 3
    no_grade_reason = ""

    class Params:
        missing = factory.Trait(stars=None, no_grade_reason=ResultGrade.NoGradeReason.UNKNOWN)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return save_result_grades([model_class(*args, **kwargs)], author=Author())[0]
