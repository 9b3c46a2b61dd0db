import json

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from clients.models import ClientMembership
from extranet.bench.endpoints import query_endpoints


class Command(BaseCommand):
    help = "Print, as JSON, the SQL queries each benchmarked page runs."

    def handle(self, *args, **options):
        membership = (
            ClientMembership.objects.select_related("user", "client")
            .filter(client__has_project_reports=True)
            .first()
        )
        browser = Client(HTTP_HOST="127.0.0.1")
        browser.force_login(membership.user)

        counts = {}
        for name, url in query_endpoints(membership.client).items():
            browser.get(url)  # warm the caches a running server would have warm
            with CaptureQueriesContext(connection) as queries:
                status = browser.get(url).status_code
            counts[name] = {"queries": len(queries), "status": status}
        self.stdout.write(json.dumps(counts))
