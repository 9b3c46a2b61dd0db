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
        parser.add_argument(
            "--password",
            help="A temporary password. Without it the user cannot log in yet.",
        )

    def write(self, *, client, email, first_name, last_name, password, **options):
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
        )
        self.stdout.write(
            f"Created user {user.email} (id {user.pk}) in client «{company.name}»"
        )
