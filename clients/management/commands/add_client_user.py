from django.utils.translation import gettext as _

from clients.models import Client
from clients.services import ClientError, add_client_user

from ._base import WritingCommand


class Command(WritingCommand):
    help = "Add a user to a client company."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--client", required=True, help="The client's slug.")
        parser.add_argument("--email", required=True)
        parser.add_argument("--first-name", required=True)
        parser.add_argument("--last-name", required=True)
        access = parser.add_mutually_exclusive_group()
        access.add_argument(
            "--password",
            help="A temporary password, to be changed at the first login.",
        )
        access.add_argument(
            "--invite",
            action="store_true",
            help="E-mail an invitation to choose a password (skipped with --dry-run).",
        )

    def write(
        self, *, client, email, first_name, last_name, password, invite, **options
    ):
        company = Client.objects.filter(slug=client).first()
        if company is None:
            raise ClientError(
                _("There is no client with the slug «%(slug)s».") % {"slug": client}
            )

        user = add_client_user(
            client=company,
            email=email,
            first_name=first_name,
            last_name=last_name,
            password=password,
            password_is_temporary=bool(password),
            invite=invite and not options["dry_run"],
        )
        self.stdout.write(
            f"Created user {user.email} (id {user.pk}) in client «{company.name}»"
        )
        if password:
            self.stdout.write("The password is temporary: it must change at login.")
        if invite:
            sent = "Would send" if options["dry_run"] else "Sent"
            self.stdout.write(f"{sent} an invitation to {user.email}.")
