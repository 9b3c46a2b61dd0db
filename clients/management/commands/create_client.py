from django.utils.translation import gettext as _

from clients.models import AccountExecutive
from clients.services import ClientError, open_client

from ._base import WritingCommand


class Command(WritingCommand):
    help = "Open a client: its group, private collection and pages, in one step."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--name", required=True, help="The company's name.")
        parser.add_argument(
            "--project-reports",
            action="store_true",
            help="Give the client the project reports section.",
        )
        parser.add_argument(
            "--executive-email", help="E-mail of an existing account executive."
        )

    def write(self, *, name, project_reports, executive_email, **options):
        executive = None
        if executive_email:
            executive = AccountExecutive.objects.filter(
                email__iexact=executive_email
            ).first()
            if executive is None:
                raise ClientError(
                    _("There is no account executive with the e-mail %(email)s.")
                    % {"email": executive_email}
                )

        client = open_client(
            name=name, account_executive=executive, has_project_reports=project_reports
        )
        self.stdout.write(
            f"Created client «{client.name}» (slug {client.slug}): group "
            f"«{client.group.name}», collection «{client.collection.name}», "
            f"page {client.page.url_path}"
            + (", with project reports" if client.has_project_reports else "")
        )
