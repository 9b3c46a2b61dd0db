"""Submissions racing each other, on real connections, one thread each."""

import threading
import uuid

from django.conf import settings
from django.db import connection
from django.test import Client

import pytest

from support.models import Ticket
from support.tests.conftest import ticket_form_data

THREADS = 8

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="SQLite lets one writer in at a time, so no race can happen there; "
        "this runs on PostgreSQL (DATABASE_URL=postgres://… make test, and in CI).",
    ),
    # Threads see only committed rows; restore the migrations' data afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def post_at_once(user, forms):
    """Post each form from its own thread and connection, all released together."""
    start = threading.Barrier(len(forms))
    responses = [None] * len(forms)

    def submit(index, data):
        try:
            browser = Client()
            browser.force_login(user)
            start.wait()
            responses[index] = browser.post("/tickets/nuevo/", data)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=submit, args=(index, data))
        for index, data in enumerate(forms)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def test_concurrent_submissions_get_unique_numbers(acme_user):
    forms = [ticket_form_data(description=f"Pedido {n}") for n in range(THREADS)]

    responses = post_at_once(acme_user, forms)

    assert [response.status_code for response in responses] == [302] * THREADS
    numbers = list(Ticket.objects.values_list("number", flat=True))
    assert len(numbers) == THREADS == len(set(numbers))
    for ticket in Ticket.objects.all():
        assert ticket.number == f"NV-{ticket.pk:06d}"


def test_the_same_form_posted_at_once_opens_one_ticket(acme_user):
    data = ticket_form_data(idempotency_key=str(uuid.uuid4()))

    responses = post_at_once(acme_user, [data] * THREADS)

    assert Ticket.objects.count() == 1
    ticket = Ticket.objects.get()
    assert {response["Location"] for response in responses} == {
        f"/tickets/{ticket.number}/confirmacion/"
    }
