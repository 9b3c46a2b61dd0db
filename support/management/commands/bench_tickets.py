"""Measure tickets per second through the form, and how soon their e-mail leaves.

Works on a throwaway copy of the database (created, migrated and dropped here). The
browsers are threads posting through Django's test client, the whole middleware
stack included; the worker is ``manage.py db_worker --backend support`` in its own
process, as ``make run`` starts it. Prints figures and asserts nothing.
"""

import logging
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import override_settings


class Command(BaseCommand):
    help = (
        "Post tickets through the form on a throwaway database with the worker "
        "running; print tickets per second and POST-to-backend times."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tickets", type=int, default=200)
        parser.add_argument(
            "--threads", type=int, default=4, help="Browsers posting at once."
        )
        parser.add_argument(
            "--pause",
            type=float,
            default=0.0,
            help="Seconds each browser waits between tickets (0: as fast as it can).",
        )
        parser.add_argument(
            "--workers", type=int, default=1, help="db_worker processes."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Worker's idle polling interval in seconds (db_worker's default: 1).",
        )

    def handle(self, *args, **options):
        # One line per e-mail would drown the figures.
        logging.getLogger("support").setLevel(logging.WARNING)
        logging.getLogger("clients").setLevel(logging.WARNING)

        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            if connection.vendor == "sqlite":
                # A file, not memory, so that the worker process shares it.
                test = connection.settings_dict.setdefault("TEST", {})
                test["NAME"] = str(folder / "bench.sqlite3")
            self.stdout.write("Creating and migrating a throwaway database…")
            old_name = connection.creation.create_test_db(
                verbosity=0, autoclobber=True, serialize=False
            )
            try:
                with override_settings(ALLOWED_HOSTS=["testserver"]):
                    self.run_bench(folder / "handed.log", **options)
            finally:
                connection.creation.destroy_test_db(old_name, verbosity=0)

    def run_bench(self, log_path, *, tickets, threads, pause, workers, interval, **_):
        user = self.make_client_user()
        log_path.touch()
        started = []
        try:
            for _number in range(workers):
                started.append(self.start_worker(log_path, interval))
            posted, form_seconds = self.post_tickets(user, tickets, threads, pause)
            handed = self.wait_for_emails(log_path, posted)
        finally:
            for worker in started:
                worker.terminate()
                worker.wait()
        self.stdout.write(
            f"Database: {connection.vendor}; {threads} browsers posting, pausing "
            f"{pause:g} s between tickets; {workers} worker process(es) polling "
            f"every {interval:g} s when idle."
        )
        self.report(posted, handed, form_seconds, tickets)

    def start_worker(self, log_path, interval):
        """Start db_worker on the throwaway database; return once it polls."""
        env = {
            **os.environ,
            "DATABASE_URL": self.database_url(),
            "EMAIL_BACKEND": "support.bench.TimingEmailBackend",
            "BENCH_TICKETS_LOG": str(log_path),
            "LOG_LEVEL": "WARNING",
        }
        command = [
            sys.executable,
            "manage.py",
            "db_worker",
            "--backend=support",
            "--no-reload",
            "--no-startup-delay",
            f"--interval={interval}",
        ]
        worker = subprocess.Popen(  # noqa: S603 (a fixed command, no shell)
            command,
            cwd=settings.BASE_DIR,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        # The worker logs to the console handler, on stderr: wait for it to start,
        # then keep reading, so that a full pipe never blocks it, and pass on what
        # is not routine.
        output = []
        for line in worker.stderr:
            output.append(line)
            if "Starting worker" in line:
                break
        if worker.poll() is not None:
            raise CommandError("The worker did not start:\n" + "".join(output))

        def relay():
            for line in worker.stderr:
                if " INFO " not in line:
                    self.stderr.write(line, ending="")

        threading.Thread(target=relay, daemon=True).start()
        return worker

    @staticmethod
    def database_url() -> str:
        db = connection.settings_dict
        if connection.vendor == "sqlite":
            return f"sqlite:///{db['NAME']}"
        credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        port = f":{db['PORT']}" if db["PORT"] else ""
        return f"postgres://{credentials}@{db['HOST']}{port}/{db['NAME']}"

    def post_tickets(self, user, tickets, threads, pause):
        """Post ``tickets`` forms from ``threads`` browsers; return when each began."""
        posted: dict[str, float] = {}
        lock = threading.Lock()
        counts = [tickets // threads + (n < tickets % threads) for n in range(threads)]
        start = threading.Barrier(threads)

        def browse(count):
            try:
                browser = Client()
                browser.force_login(user)
                start.wait()
                for number in range(count):
                    began = time.time()
                    response = browser.post(
                        "/tickets/nuevo/",
                        {
                            "severity": "S3",
                            "description": f"Ticket de prueba de carga {number}.",
                            "idempotency_key": str(uuid.uuid4()),
                        },
                    )
                    with lock:
                        posted[response["Location"].split("/")[2]] = began
                    time.sleep(pause)
            finally:
                connection.close()

        began = time.perf_counter()
        browsers = [threading.Thread(target=browse, args=(n,)) for n in counts]
        for browser in browsers:
            browser.start()
        for browser in browsers:
            browser.join()
        return posted, time.perf_counter() - began

    @staticmethod
    def wait_for_emails(log_path, posted, timeout=120) -> dict[str, float]:
        deadline = time.monotonic() + timeout
        while True:
            handed = {}
            for line in log_path.read_text().splitlines():
                number, when = line.split()
                handed.setdefault(number, float(when))
            if len(handed) >= len(posted) or time.monotonic() > deadline:
                return handed
            time.sleep(0.05)

    def report(self, posted, handed, form_seconds, tickets):
        latencies = sorted(
            handed[number] - began
            for number, began in posted.items()
            if number in handed
        )
        self.stdout.write(
            f"Form: {len(posted)} of {tickets} tickets in {form_seconds:.2f} s = "
            f"{len(posted) / form_seconds:.1f} tickets per second."
        )
        if not latencies:
            self.stdout.write("No support e-mail reached the backend.")
            return
        p95 = latencies[max(0, round(len(latencies) * 0.95) - 1)]
        self.stdout.write(
            f"POST to support e-mail handed to the backend ({len(latencies)} e-mails): "
            f"median {statistics.median(latencies) * 1000:.0f} ms, "
            f"95th percentile {p95 * 1000:.0f} ms, worst {latencies[-1] * 1000:.0f} ms."
        )

    @staticmethod
    def make_client_user():
        from clients.models import ClientContact
        from clients.services import add_client_user, open_client

        company = open_client(name="Empresa de carga S.A.")
        ClientContact.objects.create(
            client=company,
            kind=ClientContact.Kind.TECHNICAL,
            name="Técnico de carga",
            email="tecnico@carga.example",
        )
        return add_client_user(
            client=company,
            email="carga@carga.example",
            first_name="Carga",
            last_name="Prueba",
        )
