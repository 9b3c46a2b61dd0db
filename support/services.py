"""Business steps on tickets: opening one, delivering its e-mails, following them.

A ticket and its delivery job are written in one transaction: the job is a row of
django-tasks-db's table in the same database, so either both exist or neither does.
The worker then sends the support e-mail and the acknowledgement, retrying failures
with exponential backoff; see the README, "Support tickets", for the guarantees.
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Site

from anymail.message import AnymailMessage
from anymail.signals import EventType

from clients.models import ClientMembership

from .emails import acknowledgement_email, support_email
from .models import Severity, SupportSettings, Ticket
from .tasks import deliver_ticket

logger = logging.getLogger(__name__)

RESEND_ACTION = "support.ticket.resend"

# Higher runs first when the worker has a queue: the system-down tickets lead.
PRIORITY = {Severity.S1: 30, Severity.S2: 20, Severity.S3: 10, Severity.S4: 0}

DELIVERED_EVENTS = {EventType.DELIVERED}
BOUNCED_EVENTS = {EventType.BOUNCED, EventType.REJECTED, EventType.FAILED}


class TicketError(ValueError):
    """A ticket operation that cannot be done, with a message fit for a person."""


def ticket_number(pk: int) -> str:
    return f"NV-{pk:06d}"


def support_settings() -> SupportSettings:
    """Return the support settings of the default site, as the worker has no request."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return SupportSettings.for_site(site)


def open_ticket(
    *,
    membership: ClientMembership,
    severity: str,
    description: str,
    idempotency_key: uuid.UUID,
) -> tuple[Ticket, bool]:
    """Store a ticket and its delivery job; return it and whether it is new.

    A second call with the same ``idempotency_key`` (a double click, a resent form)
    returns the first ticket instead of opening another.
    """
    user, client = membership.user, membership.client
    existing = _ticket_with_key(idempotency_key, user)
    if existing is not None:
        return existing, False

    try:
        with transaction.atomic():
            ticket = Ticket.objects.create(
                idempotency_key=idempotency_key,
                client=client,
                requester=user,
                company_name=client.name,
                requester_name=user.get_full_name() or user.email,
                requester_email=user.email,
                severity=severity,
                description=description,
            )
            # The primary key is unique under any concurrency, so the number is too.
            ticket.number = ticket_number(ticket.pk)
            Ticket.objects.filter(pk=ticket.pk).update(number=ticket.number)
            _enqueue_delivery(ticket)
            log(instance=ticket, action="wagtail.create", user=user)
    except IntegrityError:
        # The same form, posted twice at once: the other request stored it first.
        existing = _ticket_with_key(idempotency_key, user)
        if existing is None:
            raise
        return existing, False

    logger.info(
        "ticket opened: pk=%s client=%s severity=%s", ticket.pk, client.pk, severity
    )
    return ticket, True


def _ticket_with_key(idempotency_key: uuid.UUID, user) -> Ticket | None:
    ticket = Ticket.objects.filter(idempotency_key=idempotency_key).first()
    if ticket is not None and ticket.requester_id != user.pk:
        raise TicketError(
            _("This form was already used. Reload the page and try again.")
        )
    return ticket


def _enqueue_delivery(ticket: Ticket, *, when: datetime.datetime | None = None) -> None:
    """Give ``ticket`` a new delivery job, due at ``when`` or at once.

    The new job's id replaces the ticket's, so any older job still queued for this
    ticket finds it changed and does nothing.
    """
    job = uuid.uuid4()
    due = when or timezone.now()
    with transaction.atomic():
        Ticket.objects.filter(pk=ticket.pk).update(
            delivery_job=job, next_attempt_at=due
        )
        task = deliver_ticket.using(priority=PRIORITY[ticket.severity])
        if when is not None:
            task = task.using(run_after=when)
        task.enqueue(ticket_pk=ticket.pk, job=str(job))
    ticket.delivery_job, ticket.next_attempt_at = job, due


def retry_delay(attempts: int) -> datetime.timedelta:
    """Return the wait after failure number ``attempts``: the base, doubled each."""
    return datetime.timedelta(
        seconds=settings.SUPPORT_RETRY_BASE_DELAY * 2 ** max(attempts - 1, 0)
    )


def deliver(*, ticket_pk: int, job: str) -> str:
    """Send the e-mails ``ticket_pk`` still owes, and schedule a retry for failures.

    Return what happened, for the task's result: "done", "retry" or "superseded".
    """
    ticket = Ticket.objects.filter(pk=ticket_pk).first()
    if ticket is None or str(ticket.delivery_job) != job:
        logger.info("delivery job superseded: ticket=%s", ticket_pk)
        return "superseded"

    support = support_settings()
    owed_attempts = []
    if ticket.status == Ticket.Status.PENDING:
        _send_support_email(ticket, support)
        if ticket.status == Ticket.Status.PENDING:
            owed_attempts.append(ticket.attempts)
    if ticket.owes_acknowledgement:
        _send_acknowledgement(ticket, support)
        if ticket.owes_acknowledgement:
            owed_attempts.append(ticket.acknowledgement_attempts)

    if owed_attempts:
        _enqueue_delivery(ticket, when=timezone.now() + retry_delay(max(owed_attempts)))
        return "retry"

    Ticket.objects.filter(pk=ticket.pk, delivery_job=ticket.delivery_job).update(
        next_attempt_at=None
    )
    return "done"


def _send(build) -> tuple[AnymailMessage | None, Exception | None]:
    """Build a message and hand it to the e-mail backend; return it, or the error.

    Building is inside too: an address that cannot be written into a header must end
    in a failed ticket that staff see, not in a job that crashes again and again.
    """
    try:
        message = build()
        message.send()
    except Exception as error:  # noqa: BLE001 (every failure is retried, then reported)
        return None, error
    return message, None


def _error_text(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:2000]


def _send_support_email(ticket: Ticket, support: SupportSettings) -> None:
    now = timezone.now()
    Ticket.objects.filter(pk=ticket.pk).update(
        attempts=F("attempts") + 1, last_attempt_at=now
    )
    ticket.attempts += 1

    message, error = _send(lambda: support_email(ticket, support=support))
    if error is None:
        status = getattr(message, "anymail_status", None)  # unset outside Anymail
        message_id = getattr(status, "message_id", None)
        message_id = "" if message_id is None else str(message_id)
        Ticket.objects.filter(pk=ticket.pk, status=Ticket.Status.PENDING).update(
            status=Ticket.Status.SENT,
            message_id=message_id,
            sent_at=timezone.now(),
            last_error="",
        )
        ticket.status = Ticket.Status.SENT
        logger.info(
            "support e-mail sent: ticket=%s attempts=%s", ticket.pk, ticket.attempts
        )
        return

    Ticket.objects.filter(pk=ticket.pk).update(last_error=_error_text(error))
    if ticket.attempts < settings.SUPPORT_DELIVERY_MAX_ATTEMPTS:
        logger.warning(
            "support e-mail attempt failed: ticket=%s attempt=%s error=%s",
            ticket.pk,
            ticket.attempts,
            type(error).__name__,
        )
        return

    Ticket.objects.filter(pk=ticket.pk, status=Ticket.Status.PENDING).update(
        status=Ticket.Status.FAILED
    )
    ticket.status = Ticket.Status.FAILED
    logger.error(
        "support e-mail failed for good: ticket=%s attempts=%s error=%s",
        ticket.pk,
        ticket.attempts,
        type(error).__name__,
    )


def _send_acknowledgement(ticket: Ticket, support: SupportSettings) -> None:
    Ticket.objects.filter(pk=ticket.pk).update(
        acknowledgement_attempts=F("acknowledgement_attempts") + 1
    )
    ticket.acknowledgement_attempts += 1

    _message, error = _send(lambda: acknowledgement_email(ticket, support=support))
    if error is None:
        ticket.acknowledged_at = timezone.now()
        Ticket.objects.filter(pk=ticket.pk).update(
            acknowledged_at=ticket.acknowledged_at
        )
        logger.info("acknowledgement sent: ticket=%s", ticket.pk)
        return

    level = logging.WARNING if ticket.owes_acknowledgement else logging.ERROR
    logger.log(
        level,
        "acknowledgement attempt failed: ticket=%s attempt=%s error=%s",
        ticket.pk,
        ticket.acknowledgement_attempts,
        type(error).__name__,
    )


@transaction.atomic
def resend_ticket(*, ticket: Ticket, user) -> None:
    """Send a failed, bounced or stalled ticket to the support mailbox again."""
    ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
    if not ticket.needs_attention:
        raise TicketError(
            _("Ticket %(number)s is on its way; it cannot be resent now.")
            % {"number": ticket.number}
        )

    if ticket.status in (Ticket.Status.FAILED, Ticket.Status.BOUNCED):
        Ticket.objects.filter(pk=ticket.pk).update(
            status=Ticket.Status.PENDING,
            attempts=0,
            last_error="",
            message_id="",
            sent_at=None,
            tracked_at=None,
        )
    _enqueue_delivery(ticket)
    log(instance=ticket, action=RESEND_ACTION, user=user)
    logger.info("ticket resend requested: ticket=%s user=%s", ticket.pk, user.pk)


def resume_stalled_deliveries(*, dry_run: bool = False) -> list[Ticket]:
    """Give a new job to every ticket whose delivery is overdue; return them.

    A delivery stalls when its worker died mid-job (django-tasks-db leaves the job
    running for ever) or when no worker ran for a long while.
    """
    grace = datetime.timedelta(seconds=settings.SUPPORT_DELIVERY_STALLED_AFTER)
    stalled = list(
        Ticket.objects.filter(next_attempt_at__lt=timezone.now() - grace).order_by("pk")
    )
    if dry_run:
        return stalled

    for ticket in stalled:
        _enqueue_delivery(ticket)
        logger.warning("stalled delivery resumed: ticket=%s", ticket.pk)
    return stalled


def record_tracking_event(
    *,
    message_id: str | None,
    event_type: str,
    timestamp: datetime.datetime | None = None,
    description: str = "",
) -> Ticket | None:
    """Move the ticket whose support e-mail ``message_id`` is to delivered or bounced.

    Return the ticket, or None where the event concerns no ticket or changes nothing.
    """
    if not message_id or event_type not in DELIVERED_EVENTS | BOUNCED_EVENTS:
        return None
    ticket = Ticket.objects.filter(message_id=message_id).first()
    if ticket is None:
        logger.info("tracking event for no ticket: event=%s", event_type)
        return None

    when = timestamp or timezone.now()
    if event_type in DELIVERED_EVENTS:
        changed = Ticket.objects.filter(pk=ticket.pk, status=Ticket.Status.SENT).update(
            status=Ticket.Status.DELIVERED, tracked_at=when
        )
        if changed:
            logger.info("support e-mail delivered: ticket=%s", ticket.pk)
    else:
        changed = Ticket.objects.filter(
            pk=ticket.pk, status__in=[Ticket.Status.SENT, Ticket.Status.DELIVERED]
        ).update(
            status=Ticket.Status.BOUNCED,
            tracked_at=when,
            last_error=(description or event_type)[:2000],
        )
        if changed:
            logger.error("support e-mail bounced: ticket=%s", ticket.pk)

    if not changed:
        return None
    ticket.refresh_from_db()
    return ticket
