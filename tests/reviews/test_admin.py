from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.models import Review
from reviews.services import recompute_rating_summaries
from tests.reviews.factories import ReviewFactory
from tests.reviews.test_submit import XSS_PAYLOADS
from tests.suppliers.factories import SupplierFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:reviews_review_changelist")


def change_url(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


def counted(supplier):
    supplier.refresh_from_db()
    return (supplier.review_count, supplier.rating_sum)


def test_moderation_queue_shows_pending_reviews_first_oldest_first(admin_client):
    now = timezone.now()
    approved_old = ReviewFactory(created_at=now - timedelta(days=9))
    pending_new = ReviewFactory(pending=True, created_at=now - timedelta(days=1))
    pending_old = ReviewFactory(pending=True, created_at=now - timedelta(days=5))
    rejected = ReviewFactory(rejected=True, created_at=now - timedelta(days=3))
    response = admin_client.get(CHANGELIST)
    listed = list(response.context["cl"].result_list)
    assert listed == [pending_old, pending_new, approved_old, rejected]
    assert pending_old.supplier.name in response.text


def test_moderation_actions_are_godkann_and_avsla(admin_client):
    ReviewFactory(pending=True)
    response = admin_client.get(CHANGELIST)
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert actions["approve_selected"] == "Godkänn"
    assert actions["reject_selected"] == "Avslå"


def test_godkann_approves_counts_and_records_the_moderator(admin_client, admin_user):
    supplier = SupplierFactory()
    reviews = [ReviewFactory(supplier=supplier, rating=r, pending=True) for r in (5, 3)]
    response = admin_client.post(
        CHANGELIST,
        {"action": "approve_selected", "_selected_action": [r.pk for r in reviews]},
        follow=True,
    )
    assert "2 omdömen godkända." in response.text
    for review in Review.objects.all():
        assert review.status == Review.Status.APPROVED
        assert review.moderated_by == admin_user
    assert counted(supplier) == (2, 8)


def test_avsla_asks_for_a_reason_on_a_page_of_its_own(admin_client):
    review = ReviewFactory(pending=True, comment="Namnger min coach.")
    response = admin_client.post(
        CHANGELIST, {"action": "reject_selected", "_selected_action": [review.pk]}
    )
    assert response.status_code == 200
    assert "Skäl till avslag" in response.text
    assert "Namnger min coach." in response.text
    assert Review.objects.get().status == Review.Status.PENDING


def test_avsla_with_a_reason_rejects_and_keeps_the_reason(admin_client, admin_user):
    supplier = SupplierFactory()
    review = ReviewFactory(supplier=supplier, rating=1)
    recompute_rating_summaries()
    response = admin_client.post(
        CHANGELIST,
        {
            "action": "reject_selected",
            "_selected_action": [review.pk],
            "apply": "1",
            "reason": "Innehåller personuppgifter.",
        },
        follow=True,
    )
    assert "1 omdöme avslaget." in response.text
    review.refresh_from_db()
    assert review.status == Review.Status.REJECTED
    assert review.rejection_reason == "Innehåller personuppgifter."
    assert review.moderated_by == admin_user
    assert counted(supplier) == (0, 0)


def test_avsla_without_a_reason_shows_the_page_again(admin_client):
    review = ReviewFactory(pending=True)
    response = admin_client.post(
        CHANGELIST,
        {"action": "reject_selected", "_selected_action": [review.pk], "apply": "1", "reason": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert Review.objects.get().status == Review.Status.PENDING


def change_data(review, **overrides):
    data = {
        "rating": review.rating,
        "participation_month": "",
        "comment": review.comment,
        "status": review.status,
        "rejection_reason": review.rejection_reason,
    }
    data.update(overrides)
    return data


def test_editing_the_rating_of_an_approved_review_in_the_admin_updates_the_summary(
    admin_client,
):
    supplier = SupplierFactory()
    review = ReviewFactory(supplier=supplier, rating=2)
    recompute_rating_summaries()
    response = admin_client.post(change_url(review), change_data(review, rating=5))
    assert response.status_code == 302
    assert counted(supplier) == (1, 5)


def test_changing_status_in_the_admin_to_rejected_needs_a_reason(admin_client):
    supplier = SupplierFactory()
    review = ReviewFactory(supplier=supplier)
    recompute_rating_summaries()
    response = admin_client.post(change_url(review), change_data(review, status="rejected"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["rejection_reason"]
    response = admin_client.post(
        change_url(review), change_data(review, status="rejected", rejection_reason="Spam.")
    )
    assert response.status_code == 302
    assert counted(supplier) == (0, 0)


def test_approving_a_rejected_review_in_the_change_form_drops_its_reason(admin_client):
    review = ReviewFactory(rejected=True, rating=5)
    response = admin_client.post(
        change_url(review),
        change_data(review, status="approved", rejection_reason="Gammalt skäl"),
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.status, review.rejection_reason) == (Review.Status.APPROVED, "")
    assert counted(review.supplier) == (1, 5)


def test_supplier_and_office_of_a_review_cannot_be_changed(admin_client):
    review = ReviewFactory(at_office=True)
    other = SupplierFactory()
    admin_client.post(change_url(review), change_data(review, supplier=other.pk))
    review.refresh_from_db()
    assert review.supplier != other
    form = admin_client.get(change_url(review)).context["adminform"].form
    assert "supplier" not in form.fields
    assert "office" not in form.fields


def test_deleting_one_review_in_the_admin_updates_the_summary(admin_client):
    supplier = SupplierFactory()
    review, _kept = ReviewFactory.create_batch(2, supplier=supplier, rating=4)
    recompute_rating_summaries()
    url = reverse("admin:reviews_review_delete", args=[review.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert counted(supplier) == (1, 4)


def test_bulk_deleting_reviews_in_the_admin_updates_the_summary(admin_client):
    supplier = SupplierFactory()
    reviews = ReviewFactory.create_batch(3, supplier=supplier, rating=4)
    recompute_rating_summaries()
    admin_client.post(
        CHANGELIST,
        {
            "action": "delete_selected",
            "_selected_action": [r.pk for r in reviews[:2]],
            "post": "yes",
        },
    )
    assert Review.objects.count() == 1
    assert counted(supplier) == (1, 4)


def test_whole_path_submit_pending_approve_visible_counted(client, admin_client):
    supplier = SupplierFactory()
    create_url = reverse("reviews:create", kwargs={"slug": supplier.slug})
    list_url = reverse("reviews:list", kwargs={"slug": supplier.slug})
    response = client.post(
        create_url,
        {
            "rating": "5",
            "participation_month": "1",
            "participation_year": "2025",
            "comment": "Jag fick jobb tack vare min coach.",
            "confirm_participation": "on",
        },
        follow=True,
    )
    assert "Tack för ditt omdöme" in response.text
    assert "Jag fick jobb tack vare min coach." not in client.get(list_url).text
    assert counted(supplier) == (0, 0)

    review = Review.objects.get()
    admin_client.post(CHANGELIST, {"action": "approve_selected", "_selected_action": [review.pk]})

    page = client.get(list_url).text
    assert "Jag fick jobb tack vare min coach." in page
    assert "januari 2025" in page
    assert "1 omdöme" in page
    assert counted(supplier) == (1, 5)
    supplier.refresh_from_db()
    assert supplier.rating_5_count == 1


def test_staff_who_may_only_view_reviews_cannot_moderate(db):
    staff = get_user_model().objects.create_user("staff", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_review"))
    staff_client = Client()
    staff_client.force_login(staff)
    review = ReviewFactory(pending=True)
    response = staff_client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.context["action_form"] is None or "approve_selected" not in dict(
        response.context["action_form"].fields["action"].choices
    )
    staff_client.post(CHANGELIST, {"action": "approve_selected", "_selected_action": [review.pk]})
    assert Review.objects.get().status == Review.Status.PENDING


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_moderation_queue_and_reject_page_show_comments_escaped(admin_client, payload):
    review = ReviewFactory(pending=True, comment=payload)
    queue = admin_client.get(CHANGELIST).text
    reject_page = admin_client.post(
        CHANGELIST, {"action": "reject_selected", "_selected_action": [review.pk]}
    ).text
    change_page = admin_client.get(change_url(review)).text
    for text in [queue, reject_page, change_page]:
        assert payload not in text
