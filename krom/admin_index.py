"""The admin's start page says what needs attention: reviews waiting, open error reports,
offices not checked for six months, and when AF's files and list were last loaded. It sits
at the top of the house, since it reads every app."""

import datetime

from django.contrib import admin
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from afsync.models import OfficeSync
from grades.models import ContractResult, ResultGrade
from krom.verification import STALE_AFTER_DAYS
from offices.models import Office
from reviews.models import Review
from suppliers.models import ErrorReport


def admin_index(request):
    return admin.site.index(request, extra_context={"attention": attention()})


def attention():
    since = timezone.localdate() - datetime.timedelta(days=STALE_AFTER_DAYS)
    grades = ResultGrade.objects.aggregate(month=Max("month"), imported=Max("created_at"))
    return {
        "reviews_waiting": Review.objects.filter(status=Review.Status.PENDING).count(),
        "reviews_url": reverse("admin:reviews_review_changelist") + "?status__exact=pending",
        "reports_open": ErrorReport.objects.filter(status=ErrorReport.Status.OPEN).count(),
        "reports_url": reverse("admin:suppliers_errorreport_changelist") + "?status__exact=open",
        "offices_not_checked": Office.objects.filter(is_active=True)
        .exclude(verified_at__gte=since)
        .count(),
        "offices_url": reverse("admin:offices_office_changelist") + "?kontrollerat=gammalt",
        "last_sync": OfficeSync.objects.order_by("-synced_at").first(),
        "grade_month": grades["month"],
        "grades_imported": grades["imported"],
        "results_period": ContractResult.objects.aggregate(period=Max("period"))["period"],
    }
