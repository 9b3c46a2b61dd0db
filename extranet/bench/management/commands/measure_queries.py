import json
import time
import uuid

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from clients.models import ClientMembership
from extranet.bench.endpoints import STAFF_ENDPOINTS, query_endpoints
from extranet.bench.scenarios import STAFF_USER


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

        counts = {
            name: self.count(browser, url)
            for name, url in query_endpoints(membership.client).items()
        }
        counts["ticket POST"] = self.count_ticket_post(browser)

        staff = Client(HTTP_HOST="127.0.0.1")
        staff.force_login(get_user_model().objects.get(username=STAFF_USER))
        for name, url in STAFF_ENDPOINTS.items():
            counts[name] = self.count(staff, url)
        self.stdout.write(json.dumps(counts))

    def count(self, browser, url):
        browser.get(url)  # warm the caches a running server would have warm
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            status = browser.get(url).status_code
        elapsed = (time.perf_counter() - started) * 1000
        return {"queries": len(queries), "status": status, "ms": round(elapsed, 1)}

    def count_ticket_post(self, browser):
        def post():
            data = {
                "severity": "S3",
                "description": "Ticket de medición",
                "idempotency_key": str(uuid.uuid4()),
            }
            return browser.post("/tickets/nuevo/", data)

        post()
        with CaptureQueriesContext(connection) as queries:
            status = post().status_code
        return {"queries": len(queries), "status": status}
