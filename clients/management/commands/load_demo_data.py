from django.core.management.base import BaseCommand

from clients.demo import load_demo_data


class Command(BaseCommand):
    help = "Load the demo clients, users, documents and staff; safe to run again."

    def handle(self, *args, **options):
        logins = load_demo_data()
        self.stdout.write("Demo logins (front end: /ingresar/, admin: /admin/):")
        for role, email, password in logins:
            self.stdout.write(f"  {role:<32} {email:<36} {password or '-'}")
        if all(password is None for _, _, password in logins):
            self.stdout.write(
                "Demo passwords exist only in development settings; "
                "these users cannot log in until they set a password."
            )
