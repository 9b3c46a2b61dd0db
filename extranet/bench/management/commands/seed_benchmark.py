import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.documents import get_document_model

from clients.demo import make_pdf
from clients.models import Client, ClientContact, ClientMembership
from clients.services import open_client
from extranet.bench.scenarios import BENCH_PASSWORD, STAFF_USER


class Command(BaseCommand):
    help = "Fill the benchmark database with clients, users, documents and tickets."

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=2000)
        parser.add_argument("--users", type=int, default=3, help="per client")
        parser.add_argument("--documents", type=int, default=20, help="per client")
        parser.add_argument("--tickets", type=int, default=100, help="per client")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be added only."
        )

    def handle(self, *, clients, users, documents, tickets, dry_run, **options):
        existing = Client.objects.count()
        missing = max(clients - existing, 0)
        self.stdout.write(f"{existing} clients present, {missing} to add")
        if dry_run or not missing:
            return

        password = make_password(BENCH_PASSWORD)
        get_user_model().objects.get_or_create(
            username=STAFF_USER,
            defaults={
                "email": STAFF_USER,
                "is_superuser": True,
                "is_staff": True,
                "password": password,
            },
        )
        shared_file = self._shared_document_file()
        for start in range(existing, clients, 100):
            with transaction.atomic():
                for number in range(start, min(start + 100, clients)):
                    self._seed_client(
                        number, password, shared_file, users, documents, tickets
                    )
            self.stdout.write(f"  {min(start + 100, clients)} clients")

    def _shared_document_file(self):
        """Store one PDF that every benchmark document row points to."""
        document = get_document_model()(title="bench-template")
        document.file.save(
            "bench.pdf", ContentFile(make_pdf("Benchmark", ["x"])), save=False
        )
        return document.file.name

    def _seed_client(self, number, password, shared_file, users, documents, tickets):
        client = open_client(
            name=f"Cliente de prueba {number:05d}", has_project_reports=number % 2 == 0
        )
        kinds = ClientContact.Kind
        ClientContact.objects.bulk_create(
            ClientContact(
                client=client, kind=kind, name=f"Contacto {order}", sort_order=order
            )
            for order, kind in enumerate(
                [kinds.ADMINISTRATIVE, kinds.TECHNICAL, kinds.TECHNICAL]
            )
        )
        ClientContact.objects.filter(client=client, kind=kinds.ADMINISTRATIVE).update(
            email=f"admin{number}@bench.example"
        )

        user_model = get_user_model()
        people = user_model.objects.bulk_create(
            user_model(
                username=f"u{number}-{index}@bench.example",
                email=f"u{number}-{index}@bench.example",
                first_name="Usuario",
                last_name=f"{number}-{index}",
                password=password,
            )
            for index in range(users)
        )
        ClientMembership.objects.bulk_create(
            ClientMembership(user=person, client=client) for person in people
        )
        user_model.groups.through.objects.bulk_create(
            user_model.groups.through(user_id=person.pk, group_id=client.group_id)
            for person in people
        )

        document_model = get_document_model()
        document_model.objects.bulk_create(
            document_model(
                title=f"Documento {index} de {client.name}",
                file=shared_file,
                collection=client.collection,
            )
            for index in range(documents)
        )
        self._seed_tickets(client, people, tickets)

    def _seed_tickets(self, client, people, count):
        if count == 0:
            return
        from support.bench import seed_tickets

        seed_tickets(client=client, requesters=itertools.cycle(people), count=count)
