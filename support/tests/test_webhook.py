import base64
import json
from pathlib import Path

import pytest
from anymail.exceptions import AnymailInsecureWebhookWarning

from support.models import Ticket

URL = "/anymail/postmark/tracking/"
DATA = Path(__file__).parent / "data"
MESSAGE_ID = "6f4c1d0e-2b7a-4f53-9c1e-8a2d5b7e9f10"
SECRET = "postmark:a-long-webhook-secret"


def payload(name):
    return (DATA / f"postmark_{name}.json").read_text()


def basic_auth(credentials):
    return "Basic " + base64.b64encode(credentials.encode()).decode()


@pytest.fixture
def webhook_secret(settings):
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": SECRET}


@pytest.fixture
def sent_ticket(open_ticket_as, acme_user):
    ticket = open_ticket_as(acme_user)
    Ticket.objects.filter(pk=ticket.pk).update(
        status=Ticket.Status.SENT, message_id=MESSAGE_ID
    )
    return ticket


def post(client, name, auth=None):
    headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
    return client.post(URL, payload(name), content_type="application/json", **headers)


def test_webhook_without_a_configured_secret_refuses_everything(
    client, sent_ticket, settings
):
    settings.ANYMAIL = {}

    with pytest.warns(AnymailInsecureWebhookWarning):
        response = post(client, "delivery")

    assert response.status_code == 400
    assert Ticket.objects.get().status == Ticket.Status.SENT


def test_webhook_without_its_secret_is_refused(client, sent_ticket, webhook_secret):
    anonymous = post(client, "delivery")
    wrong = post(client, "delivery", basic_auth("postmark:guessed"))

    assert anonymous.status_code == 400
    assert wrong.status_code == 400
    assert Ticket.objects.get().status == Ticket.Status.SENT


def test_delivery_event_marks_the_ticket_delivered(client, sent_ticket, webhook_secret):
    response = post(client, "delivery", basic_auth(SECRET))

    assert response.status_code == 200
    ticket = Ticket.objects.get()
    assert ticket.status == Ticket.Status.DELIVERED
    assert ticket.tracked_at.isoformat() == "2026-12-03T14:12:55+00:00"


def test_bounce_event_marks_the_ticket_bounced_for_staff(
    client, sent_ticket, webhook_secret, superuser
):
    post(client, "delivery", basic_auth(SECRET))

    response = post(client, "bounce", basic_auth(SECRET))

    assert response.status_code == 200
    ticket = Ticket.objects.get()
    assert ticket.status == Ticket.Status.BOUNCED
    assert "unable to deliver" in ticket.last_error
    assert ticket.needs_attention
    client.force_login(superuser)
    listing = client.get("/admin/support/ticket/?attention=yes").content.decode()
    assert ticket.number in listing
    assert "ticket-state--attention" in listing


def test_events_for_unknown_messages_change_nothing(
    client, sent_ticket, webhook_secret
):
    event = json.loads(payload("delivery"))
    event["MessageID"] = "some-other-message"

    response = client.post(
        URL,
        json.dumps(event),
        content_type="application/json",
        HTTP_AUTHORIZATION=basic_auth(SECRET),
    )

    assert response.status_code == 200
    assert Ticket.objects.get().status == Ticket.Status.SENT


def test_webhook_needs_no_login_and_no_csrf_token(sent_ticket, webhook_secret):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)

    response = post(strict, "delivery", basic_auth(SECRET))

    assert response.status_code == 200
    assert Ticket.objects.get().status == Ticket.Status.DELIVERED
