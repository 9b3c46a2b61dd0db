import datetime
import logging
import uuid

from django.core import mail
from django.db import transaction

import pytest
from django_tasks_db.models import DBTaskResult

from support import services
from support.models import Ticket
from support.services import open_ticket, resume_stalled_deliveries
from support.tests.conftest import waiting_jobs

SECRET_TEXT = "La clave del servidor es hunter2"


def support_emails():
    return [
        message for message in mail.outbox if message.to == ["soporte@nextvision.com"]
    ]


def acknowledgements(user):
    return [message for message in mail.outbox if user.email in message.to[0]]


def test_ticket_and_its_job_are_committed_together(acme_user):
    class Crash(Exception):
        pass

    with pytest.raises(Crash), transaction.atomic():
        open_ticket(
            membership=acme_user.client_membership,
            severity="S1",
            description="Caído",
            idempotency_key=uuid.uuid4(),
        )
        assert DBTaskResult.objects.filter(backend_name="support").count() == 1
        raise Crash  # the request dies after the ticket was written

    assert not Ticket.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_opening_a_ticket_queues_one_job_for_the_support_worker(
    open_ticket_as, acme_user
):
    ticket = open_ticket_as(acme_user, severity="S1")

    job = DBTaskResult.objects.get()
    assert job.backend_name == "support"
    assert job.task_path == "support.tasks.deliver_ticket"
    assert job.args_kwargs["kwargs"] == {
        "ticket_pk": ticket.pk,
        "job": str(ticket.delivery_job),
    }
    assert job.priority == services.PRIORITY["S1"]
    assert ticket.status == Ticket.Status.PENDING
    assert mail.outbox == []  # nothing is sent inside the request


def test_worker_sends_the_support_email_through_anymail(
    open_ticket_as, acme_user, provider, run_worker
):
    ticket = open_ticket_as(acme_user, severity="S2", description=SECRET_TEXT)

    run_worker()

    [message] = support_emails()
    params = message.anymail_test_params
    assert [str(address) for address in params["to"]] == ["soporte@nextvision.com"]
    assert [str(address) for address in params["reply_to"]] == [
        f"{acme_user.get_full_name()} <ana@acme.example>"
    ]
    assert params["subject"] == (
        f"[S2] Acme S.A. — {acme_user.get_full_name()} — {ticket.number}"
    )
    assert params["metadata"] == {
        "ticket": ticket.number,
        "severity": "S2",
        "kind": "support",
    }
    assert params["tags"] == ["ticket-S2"]
    assert SECRET_TEXT not in str(params["metadata"]) + str(params["tags"])
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.SENT
    assert ticket.attempts == 1
    assert ticket.message_id == str(message.anymail_status.message_id)
    assert ticket.next_attempt_at is None


def test_support_email_bodies_carry_everything_support_needs(
    open_ticket_as, acme_user, provider, run_worker
):
    ticket = open_ticket_as(acme_user, severity="S2", description=SECRET_TEXT)

    run_worker()

    [message] = support_emails()
    html = message.alternatives[0].content
    for body in (message.body, html):
        assert "Acme S.A." in body
        assert acme_user.get_full_name() in body
        assert "ana@acme.example" in body
        assert "Técnico Uno" in body and "tecnico1@example.com" in body
        assert "Técnica Dos" in body
        assert "Admin Istrativo" not in body  # administrative, not technical
        assert "S2: Sistema operacional, pero seriamente afectado" in body
        assert SECRET_TEXT in body
        assert (
            f"http://localhost:8000/admin/support/ticket/inspect/{ticket.pk}/" in body
        )
    assert message.extra_headers["Message-ID"].startswith(f"<{ticket.number}.support.")


def test_requester_gets_an_acknowledgement_with_a_copy(
    open_ticket_as, acme_user, provider, run_worker
):
    ticket = open_ticket_as(acme_user, severity="S4", description=SECRET_TEXT)

    run_worker()

    [ack] = acknowledgements(acme_user)
    assert ack.subject == f"Recibimos tu ticket {ticket.number}"
    assert ack.reply_to == ["soporte@nextvision.com"]
    assert ticket.number in ack.body
    assert SECRET_TEXT in ack.body
    assert "S4: Requerimiento de información" in ack.body
    assert "2 días hábiles" in ack.body
    assert f"http://localhost:8000/tickets/{ticket.number}/" in ack.body
    assert SECRET_TEXT in ack.alternatives[0].content
    ticket.refresh_from_db()
    assert ticket.acknowledged_at is not None


def test_provider_failing_three_times_then_accepting_sends_one_email(
    open_ticket_as, acme_user, provider, run_worker_through_retries
):
    ticket = open_ticket_as(acme_user)
    provider["soporte@nextvision.com"] = 3

    delays = run_worker_through_retries()

    assert len(support_emails()) == 1
    assert len(acknowledgements(acme_user)) == 1
    ticket.refresh_from_db()
    assert ticket.attempts == 4
    assert ticket.status == Ticket.Status.SENT
    assert ticket.last_error == ""
    assert delays == [30, 60, 120]  # exponential backoff from a 30-second base


def test_provider_always_failing_ends_in_failed_and_logs_an_error(
    open_ticket_as, acme_user, provider, run_worker_through_retries, caplog, settings
):
    ticket = open_ticket_as(acme_user, description=SECRET_TEXT)
    provider["soporte@nextvision.com"] = 1000

    with caplog.at_level(logging.WARNING, logger="support"):
        delays = run_worker_through_retries()

    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.FAILED
    assert ticket.attempts == settings.SUPPORT_DELIVERY_MAX_ATTEMPTS
    assert "AnymailAPIError" in ticket.last_error
    assert ticket.next_attempt_at is None
    assert support_emails() == []
    assert len(acknowledgements(acme_user)) == 1  # the requester still hears back
    assert delays == [30, 60, 120, 240, 480]
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert [record.getMessage() for record in errors] == [
        f"support e-mail failed for good: ticket={ticket.pk} "
        f"attempts={settings.SUPPORT_DELIVERY_MAX_ATTEMPTS} error=AnymailAPIError"
    ]
    assert all(SECRET_TEXT not in record.getMessage() for record in caplog.records)


def test_failed_acknowledgement_is_retried_without_resending_to_support(
    open_ticket_as, acme_user, provider, run_worker_through_retries
):
    ticket = open_ticket_as(acme_user)
    provider[acme_user.email] = 2

    run_worker_through_retries()

    assert len(support_emails()) == 1
    assert len(acknowledgements(acme_user)) == 1
    ticket.refresh_from_db()
    assert ticket.acknowledgement_attempts == 3
    assert ticket.attempts == 1


def test_resend_after_failure_delivers_once(
    client, open_ticket_as, acme_user, superuser, provider, run_worker_through_retries
):
    ticket = open_ticket_as(acme_user)
    provider["soporte@nextvision.com"] = 1000
    run_worker_through_retries()
    provider.clear()
    client.force_login(superuser)

    response = client.post(f"/admin/support/ticket/resend/{ticket.pk}/")
    run_worker_through_retries()

    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.SENT
    assert ticket.attempts == 1
    assert len(support_emails()) == 1
    assert len(acknowledgements(acme_user)) == 1  # the requester is not told twice


def test_a_job_lost_with_its_worker_is_resumed_and_sends_once(
    open_ticket_as, acme_user, provider, run_worker, time_machine, settings
):
    ticket = open_ticket_as(acme_user)
    lost = DBTaskResult.objects.get()
    lost.claim("killed-worker")  # claimed, then the worker died: it stays RUNNING
    time_machine.move_to(
        ticket.created_at
        + datetime.timedelta(seconds=settings.SUPPORT_DELIVERY_STALLED_AFTER + 1),
        tick=False,
    )
    assert Ticket.objects.get(pk=ticket.pk).is_stalled

    resumed = resume_stalled_deliveries()
    run_worker()

    assert [stalled.pk for stalled in resumed] == [ticket.pk]
    assert len(support_emails()) == 1
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.SENT
    assert not ticket.is_stalled


def test_a_superseded_job_sends_nothing(
    open_ticket_as, acme_user, provider, run_worker
):
    ticket = open_ticket_as(acme_user)
    Ticket.objects.filter(pk=ticket.pk).update(delivery_job=uuid.uuid4())

    run_worker()

    assert mail.outbox == []
    assert DBTaskResult.objects.get().return_value == "superseded"


def test_a_timely_delivery_is_not_resumed(open_ticket_as, acme_user):
    open_ticket_as(acme_user)

    assert resume_stalled_deliveries() == []
    assert waiting_jobs().count() == 1


def test_resume_command_dry_run_changes_nothing(
    open_ticket_as, acme_user, time_machine, settings
):
    from django.core.management import call_command

    ticket = open_ticket_as(acme_user)
    time_machine.move_to(ticket.created_at + datetime.timedelta(hours=1), tick=False)

    call_command("resume_ticket_deliveries", "--dry-run")

    assert DBTaskResult.objects.count() == 1
    call_command("resume_ticket_deliveries")
    assert DBTaskResult.objects.count() == 2


def test_a_ticket_on_its_way_cannot_be_resent(
    client, open_ticket_as, acme_user, superuser
):
    ticket = open_ticket_as(acme_user)
    client.force_login(superuser)

    response = client.post(f"/admin/support/ticket/resend/{ticket.pk}/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"  # Wagtail's answer to a denied action
    assert DBTaskResult.objects.count() == 1


def test_a_message_that_cannot_be_built_ends_in_failed_not_in_a_crash(
    open_ticket_as, acme_user, provider, run_worker_through_retries
):
    ticket = open_ticket_as(acme_user)
    Ticket.objects.filter(pk=ticket.pk).update(requester_email="no es un correo")

    run_worker_through_retries()

    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.FAILED
    assert ticket.last_error
    assert DBTaskResult.objects.filter(status="FAILED").count() == 0
