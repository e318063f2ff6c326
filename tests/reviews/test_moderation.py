"""Moderation that protects people: the whole text where the decision is made, decisions
with ready reasons on a review's own page, visible redaction that keeps the participant's
words, and flagged reviews kept out of bulk approval."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reviews import services
from reviews.models import REDACTION_MARK, Review
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:reviews_review_changelist")
LONG_COMMENT = (
    "Min handledare var noggrann och hjälpte mig med CV och personligt brev. " * 8
    + "Sista meningen syns också."
)


def change_url(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


def moderate(admin_client, review, **data):
    return admin_client.post(
        reverse("admin:reviews_review_moderate", args=[review.pk]), data, follow=True
    )


def test_the_queue_shows_the_whole_comment(admin_client):
    ReviewFactory(pending=True, comment=LONG_COMMENT)
    text = admin_client.get(CHANGELIST).text
    assert "Sista meningen syns också." in text
    assert "…" not in text[text.index("field-full_comment") :].split("</td>")[0]


def test_the_queue_shows_the_comment_as_paragraphs_with_the_participants_text_escaped(
    admin_client,
):
    ReviewFactory(pending=True, comment="Första stycket <b>fet</b>\n\nAndra stycket")
    cell = admin_client.get(CHANGELIST).text.split("field-full_comment")[1].split("</td>")[0]
    assert "<p>Första stycket &lt;b&gt;fet&lt;/b&gt;</p>" in cell
    assert "<p>Andra stycket</p>" in cell
    assert "&lt;p&gt;" not in cell


def test_the_queue_and_the_review_page_flag_possible_personal_data(admin_client):
    review = ReviewFactory(pending=True, comment="Ring 070-123 45 67", personal_data="phone")
    assert "Kan innehålla telefonnummer" in admin_client.get(CHANGELIST).text
    ReviewFactory(pending=True)
    flagged = admin_client.get(CHANGELIST, {"personuppgifter": "ja"})
    assert list(flagged.context["cl"].result_list) == [review]
    assert "Kan innehålla telefonnummer." in admin_client.get(change_url(review)).text


def test_bulk_approval_leaves_flagged_reviews_to_be_read_one_by_one(admin_client):
    plain = ReviewFactory(pending=True)
    flagged = ReviewFactory(pending=True, comment="Mejla a@example.se", personal_data="email")
    response = admin_client.post(
        CHANGELIST,
        {"action": "approve_selected", "_selected_action": [plain.pk, flagged.pk]},
        follow=True,
    )
    assert "1 omdöme godkänt." in response.text
    assert "1 omdöme kan innehålla personuppgifter och godkändes inte." in response.text
    plain.refresh_from_db(), flagged.refresh_from_db()
    assert plain.status == Review.Status.APPROVED
    assert flagged.status == Review.Status.PENDING


def test_the_review_page_has_approve_and_ready_reasons(admin_client):
    review = ReviewFactory(pending=True, comment=LONG_COMMENT)
    text = admin_client.get(change_url(review)).text
    assert "Sista meningen syns också." in text
    assert re.search(r'<button[^>]*value="approve"[^>]*>Godkänn</button>', text)
    for reason in [
        "Innehåller personuppgifter.",
        "Kränkande eller stötande.",
        "Handlar inte om leverantörens tjänst.",
        "Skrivet av någon som inte har deltagit.",
    ]:
        assert f"Avslå: {reason}</button>" in text


def test_approve_on_the_review_page(admin_client, admin_user):
    review = ReviewFactory(pending=True)
    response = moderate(admin_client, review, decision="approve")
    assert "Omdömet är godkänt." in response.text
    review.refresh_from_db()
    assert review.status == Review.Status.APPROVED
    assert review.moderated_by == admin_user
    review.supplier.refresh_from_db()
    assert review.supplier.review_count == 1


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"decision": "personal_data"}, "Innehåller personuppgifter."),
        ({"decision": "not_participant"}, "Skrivet av någon som inte har deltagit."),
        (
            {"decision": "other", "other_reason": "Reklam för en annan firma."},
            "Reklam för en annan firma.",
        ),
    ],
)
def test_reject_on_the_review_page_with_a_ready_or_own_reason(admin_client, data, reason):
    review = ReviewFactory(pending=True)
    moderate(admin_client, review, **data)
    review.refresh_from_db()
    assert review.status == Review.Status.REJECTED
    assert review.rejection_reason == reason


def test_rejecting_without_a_reason_changes_nothing(admin_client):
    review = ReviewFactory(pending=True)
    response = moderate(admin_client, review, decision="other", other_reason=" ")
    assert "Välj ett skäl eller skriv ett eget." in response.text
    review.refresh_from_db()
    assert review.status == Review.Status.PENDING


def test_a_moderator_cannot_rewrite_the_comment_in_the_form(admin_client):
    review = ReviewFactory(pending=True, comment="Mina egna ord.")
    form = admin_client.get(change_url(review)).context["adminform"].form
    assert "comment" not in form.fields


def test_redaction_replaces_the_passage_visibly_and_keeps_the_original(admin_client, admin_user):
    review = ReviewFactory(comment="Anna Svensson (070-123 45 67) hjälpte mig. Bra kontor.")
    admin_client.post(
        reverse("admin:reviews_review_redact", args=[review.pk]),
        {"passages": "Anna Svensson\n070-123 45 67"},
    )
    review.refresh_from_db()
    assert review.comment == f"{REDACTION_MARK} ({REDACTION_MARK}) hjälpte mig. Bra kontor."
    assert review.original_comment == "Anna Svensson (070-123 45 67) hjälpte mig. Bra kontor."
    assert review.redacted_by == admin_user and review.redacted_at is not None
    public = admin_client.get(reverse("reviews:list", kwargs={"slug": review.supplier.slug})).text
    assert '<mark class="redacted">[borttaget av moderator]</mark> (' in public
    assert "En moderator har tagit bort delar av texten" in public
    assert "Anna Svensson" not in public and "070-123" not in public


def test_a_second_redaction_keeps_the_first_original():
    review = ReviewFactory(comment="Anna och Bertil var bra.")
    services.redact(review, ["Anna"], by=None)
    services.redact(review, ["Bertil"], by=None)
    review.refresh_from_db()
    assert review.original_comment == "Anna och Bertil var bra."
    assert review.comment == f"{REDACTION_MARK} och {REDACTION_MARK} var bra."


def test_redacting_text_that_is_not_there_is_refused():
    review = ReviewFactory(comment="Bra stöd.")
    with pytest.raises(ValidationError):
        services.redact(review, ["Cecilia"], by=None)
    review.refresh_from_db()
    assert review.comment == "Bra stöd." and review.original_comment == ""


def test_unredacted_comment_that_quotes_the_mark_is_not_shown_as_a_redaction(client):
    review = ReviewFactory(comment=f"Jag skrev {REDACTION_MARK} som skämt.")
    text = client.get(reverse("reviews:list", kwargs={"slug": review.supplier.slug})).text
    assert 'class="redacted"' not in text


def test_a_future_participation_month_is_refused_in_the_admin(admin_client):
    review = ReviewFactory(pending=True)
    response = admin_client.post(
        change_url(review),
        {
            "rating": "4",
            "participation_month": "2999-01-01",
            "status": "pending",
            "rejection_reason": "",
        },
    )
    assert response.status_code == 200
    assert "Månaden kan inte ligga i framtiden." in response.text
    review.refresh_from_db()
    assert review.participation_month == date(2025, 3, 1)


def test_bulk_rejection_shows_each_whole_comment_and_offers_ready_reasons(admin_client):
    review = ReviewFactory(pending=True, comment=LONG_COMMENT)
    page = admin_client.post(
        CHANGELIST, {"action": "reject_selected", "_selected_action": [review.pk]}
    ).text
    assert "Sista meningen syns också." in page
    assert 'value="Kränkande eller stötande."' in page
    admin_client.post(
        CHANGELIST,
        {
            "action": "reject_selected",
            "_selected_action": [review.pk],
            "apply": "1",
            "reason": ["", "Kränkande eller stötande."],
        },
    )
    review.refresh_from_db()
    assert review.status == Review.Status.REJECTED
    assert review.rejection_reason == "Kränkande eller stötande."


@pytest.mark.parametrize("data", [{}, {"decision": "xyz", "other_reason": "Reklam."}])
def test_a_decision_the_page_does_not_offer_changes_nothing(admin_client, data):
    review = ReviewFactory(pending=True)
    response = moderate(admin_client, review, **data)
    assert "Välj ett skäl eller skriv ett eget." in response.text
    review.refresh_from_db()
    assert review.status == Review.Status.PENDING
