from django.core.management.base import BaseCommand

from support.services import resume_stalled_deliveries


class Command(BaseCommand):
    help = (
        "Give a new delivery job to every ticket whose e-mails are overdue, such as "
        "those of a worker that died mid-job. Safe to run at any time, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the tickets, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        tickets = resume_stalled_deliveries(dry_run=dry_run)
        verb = "would resume" if dry_run else "resumed"
        for ticket in tickets:
            self.stdout.write(f"{verb}: {ticket.number} (pk={ticket.pk})")
        self.stdout.write(f"Stalled deliveries {verb}: {len(tickets)}.")
