"""The delivery job of a ticket, run by ``manage.py db_worker --backend support``."""

from django_tasks import task


@task(backend="support")
def deliver_ticket(ticket_pk: int, job: str) -> str:
    """Send what the ticket still owes; ``job`` must be the one the ticket expects."""
    from .services import deliver

    return deliver(ticket_pk=ticket_pk, job=job)
