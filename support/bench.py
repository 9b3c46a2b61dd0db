"""Benchmark seeding: many delivered tickets per client, written in bulk."""

import datetime
import itertools
import uuid

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Cast, Concat, LPad
from django.utils import timezone

from .models import Ticket

SEVERITIES = ("S1", "S2", "S3", "S4")


def seed_tickets(*, client, requesters, count: int) -> None:
    """Add ``count`` sent tickets to ``client``, spread over the last year."""
    now = timezone.now()
    severities = itertools.cycle(SEVERITIES)
    tickets = []
    for index in range(count):
        person = next(requesters)
        tickets.append(
            Ticket(
                idempotency_key=uuid.uuid4(),
                client=client,
                requester=person,
                company_name=client.name,
                requester_name=person.get_full_name(),
                requester_email=person.email,
                severity=next(severities),
                description=f"Ticket de prueba {index}.",
                created_at=now - datetime.timedelta(hours=index * 87),
                status=Ticket.Status.SENT,
                attempts=1,
                sent_at=now,
            )
        )
    created = Ticket.objects.bulk_create(tickets, batch_size=500)

    # Numbers come from the primary key, as for tickets opened through the form
    # (six digits: enough for the benchmark's 200,000 tickets).
    Ticket.objects.filter(pk__in=[ticket.pk for ticket in created]).update(
        number=Concat(
            Value("NV-"), LPad(Cast(F("pk"), models.CharField()), 6, Value("0"))
        )
    )
