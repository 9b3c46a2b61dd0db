from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from clients.services import ClientError


class DryRunRollback(Exception):
    """Raised inside the transaction to undo what a --dry-run wrote."""


class WritingCommand(BaseCommand):
    """A command that writes in one transaction, with --dry-run to undo it."""

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be created, and undo it.",
        )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.write(**options)
                if options["dry_run"]:
                    raise DryRunRollback
        except DryRunRollback:
            self.stdout.write("Dry run: nothing was saved.")
        except ClientError as error:
            raise CommandError(str(error)) from error

    def write(self, **options):
        raise NotImplementedError
