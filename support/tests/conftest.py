import uuid

import pytest
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from conftest import login
from support.models import Ticket
from support.tests import providers


@pytest.fixture
def provider(settings):
    """Send through Anymail to a simulated provider; e-mails land in mail.outbox."""
    settings.EMAIL_BACKEND = "support.tests.providers.FlakyProviderBackend"
    providers.FAILURES.clear()
    yield providers.FAILURES
    providers.FAILURES.clear()


@pytest.fixture
def run_worker(monkeypatch):
    """Run django-tasks-db's own worker loop until no support job is ready."""
    # pytest-django wraps each test in a transaction, which the worker's check for
    # stale connections would end; that check alone is left out.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        db_worker.Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="support",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()

    return run


def waiting_jobs():
    """The support jobs not yet run, soonest first."""
    return DBTaskResult.objects.filter(backend_name="support", status="READY").order_by(
        "run_after"
    )


@pytest.fixture
def run_worker_through_retries(run_worker, time_machine):
    """Run the worker, moving the clock to each retry, until no job waits.

    Return the delays, in seconds, between each failed run and its retry.
    """

    def run(max_rounds=20):
        delays = []
        time_machine.move_to(waiting_jobs().first().enqueued_at, tick=False)
        for _round in range(max_rounds):
            started = DBTaskResult.objects.filter(backend_name="support").count()
            run_worker()
            retry = waiting_jobs().first()
            if retry is None:
                return delays
            assert DBTaskResult.objects.filter(backend_name="support").count() > started
            delays.append((retry.run_after - retry.enqueued_at).total_seconds())
            time_machine.move_to(retry.run_after, tick=False)
        raise AssertionError("the deliveries did not settle")

    return run


def ticket_form_data(severity="S2", description="El ERP no responde.", **extra):
    return {
        "severity": severity,
        "description": description,
        "idempotency_key": str(uuid.uuid4()),
        **extra,
    }


@pytest.fixture
def open_ticket_as(client):
    """Post the ticket form as ``user``; return the ticket it opened."""

    def post(user, **data):
        login(client, user)
        response = client.post("/tickets/nuevo/", ticket_form_data(**data))
        assert response.status_code == 302, response.content.decode()
        return Ticket.objects.get(number=response["Location"].split("/")[2])

    return post
