"""Demo content for a first run: two clients, their users and documents, and staff.

Every step looks for what it would create first, so loading twice changes nothing.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction

from wagtail.documents import get_document_model

from fpdf import FPDF

from home.models import HomePage, SharedPage

from .models import (
    AccountExecutive,
    Client,
    ClientContact,
    ProjectReportsPage,
    ServicesPage,
)
from .roles import EDITORS_GROUP
from .services import add_client_user, open_client

logger = logging.getLogger(__name__)

SUPPORT_BODY = """
<h2>Cómo trabajamos</h2>
<p>Cada pedido de soporte se registra como un ticket con un número único. Así
podemos seguirlo de punta a punta y usted siempre sabe en qué estado está.</p>
<h2>Severidades</h2>
<ul>
<li><b>S1: Sistema caído.</b> El servicio no funciona y no hay alternativa.
Respuesta en 30 minutos, trabajo continuo hasta restablecerlo.</li>
<li><b>S2: Sistema operacional, pero seriamente afectado.</b> Funciona con
fallas graves o muy lento. Respuesta en 2 horas hábiles.</li>
<li><b>S3: Problema o pregunta.</b> Una falla acotada o una duda de uso.
Respuesta en 8 horas hábiles.</li>
<li><b>S4: Requerimiento de información.</b> Pedidos de información, cambios
planificados o consultas. Respuesta en 2 días hábiles.</li>
</ul>
<h2>Horarios</h2>
<p>Mesa de ayuda de lunes a viernes de 9 a 18 h (hora de Buenos Aires). Los
tickets S1 se atienden las 24 horas, todos los días.</p>
<h2>Canales</h2>
<ul>
<li>El botón «Abrir un ticket» de esta extranet, el canal preferido.</li>
<li>Correo a soporte@nextvision.com.</li>
<li>Para S1 fuera de horario, además del ticket, la guardia telefónica que
figura en su contrato.</li>
</ul>
"""

DEMO_CLIENTS = [
    {
        "name": "Andes Logística S.A.",
        "has_project_reports": True,
        "user": ("ana.perez@andeslogistica.com.ar", "Ana", "Pérez"),
        "password": "andes-demo-2026",
        "contacts": [
            (
                "administrative",
                "Carolina Méndez",
                "administracion@andeslogistica.com.ar",
            ),
            ("technical", "Diego Fernández", "sistemas@andeslogistica.com.ar"),
            ("technical", "Lucía Romero", ""),
        ],
        "services": [
            ("Mesa de ayuda 8x5", "Soporte a usuarios en horario hábil."),
            ("Monitoreo de servidores", "Monitoreo 24x7 de 12 servidores."),
        ],
    },
    {
        "name": "Pampa Seguros S.A.",
        "has_project_reports": False,
        "user": ("martin.lopez@pampaseguros.com.ar", "Martín", "López"),
        "password": "pampa-demo-2026",
        # No contacts: its user sees the first-login contacts form.
        "contacts": [],
        "services": [
            ("Backup gestionado", "Copias diarias con retención de 30 días."),
            ("Soporte de red", "Administración de la red de 3 sucursales."),
        ],
    },
]
STAFF = [
    # (e-mail, first name, last name, password, is_superuser)
    ("editor@nextvision.com", "Elena", "Editora", "editor-demo-2026", False),
    ("admin@nextvision.com", "Admin", "Nextvision", "admin-demo-2026", True),
]


def make_pdf(title: str, lines: list[str]) -> bytes:
    """Return a one-page PDF with a title and a few lines of text."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.cell(text=title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 7, text=line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def demo_document(*, title: str, filename: str, collection, lines: list[str]):
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title, collection=collection)
    if existing.exists():
        return existing.first()

    document = document_model(title=title, collection=collection)
    document.file.save(filename, ContentFile(make_pdf(title, lines)), save=False)
    document.save()
    return document


def with_passwords() -> bool:
    return getattr(settings, "EXTRANET_DEMO_PASSWORDS", False)


@transaction.atomic
def load_demo_data() -> list[tuple[str, str, str | None]]:
    """Load the demo content; return (role, e-mail, password or None) of each login."""
    logins = []
    home = HomePage.objects.get()
    support = SharedPage.objects.filter(slug="soporte").first()
    if support is None:
        support = SharedPage(
            title="Soporte",
            slug="soporte",
            intro="Nuestra metodología de soporte técnico",
            body=SUPPORT_BODY,
        )
        home.add_child(instance=support)
    if home.support_page_id != support.pk:
        home.support_page = support
        home.save_revision().publish()

    executive, _ = AccountExecutive.objects.get_or_create(
        email="laura.gimenez@nextvision.com",
        defaults={"name": "Laura Giménez", "phone": "+54 11 5555-0101"},
    )

    for spec in DEMO_CLIENTS:
        client = Client.objects.filter(name=spec["name"]).first() or open_client(
            name=spec["name"],
            account_executive=executive,
            has_project_reports=spec["has_project_reports"],
        )
        _fill_services(client, spec["services"])
        _fill_contacts(client, spec["contacts"])
        if client.has_project_reports:
            _fill_reports(client)

        email, first_name, last_name = spec["user"]
        password = spec["password"] if with_passwords() else None
        if not get_user_model().objects.filter(email=email).exists():
            add_client_user(
                client=client,
                email=email,
                first_name=first_name,
                last_name=last_name,
                password=password,
            )
        logins.append((f"client {client.name}", email, password))

    for email, first_name, last_name, password, is_superuser in STAFF:
        password = password if with_passwords() else None
        _ensure_staff(email, first_name, last_name, password, is_superuser)
        logins.append(
            ("superuser" if is_superuser else "editor", email, password or "-")
        )
    return logins


def _fill_services(client: Client, services: list[tuple[str, str]]) -> None:
    page = ServicesPage.objects.child_of(client.page).get()
    if page.services:
        return

    blocks = []
    for number, (title, text) in enumerate(services, start=1):
        document = demo_document(
            title=f"{title}: alcance del servicio",
            filename=f"{client.slug}-servicio-{number}.pdf",
            collection=client.collection,
            lines=[f"Cliente: {client.name}", text, "Documento de demostración."],
        )
        blocks.append(
            (
                "service",
                {"title": title, "text": f"<p>{text}</p>", "documents": [document]},
            )
        )
    page.services = blocks
    page.save_revision().publish()


def _fill_contacts(client: Client, contacts: list[tuple[str, str, str]]) -> None:
    if not contacts or client.contacts.exists():
        return

    for order, (kind, name, email) in enumerate(contacts):
        ClientContact.objects.create(
            client=client, kind=kind, name=name, email=email, sort_order=order
        )


def _fill_reports(client: Client) -> None:
    page = ProjectReportsPage.objects.child_of(client.page).get()
    if page.reports:
        return

    document = demo_document(
        title="Informe de avance: migración a la nube",
        filename=f"{client.slug}-informe-1.pdf",
        collection=client.collection,
        lines=[
            f"Cliente: {client.name}",
            "Avance: 60 %.",
            "Documento de demostración.",
        ],
    )
    page.reports = [
        (
            "report",
            {
                "date": datetime.date(2026, 11, 15),
                "title": "Migración a la nube: avance de noviembre",
                "summary": "<p>Se migraron 6 de los 10 servidores previstos.</p>",
                "documents": [document],
            },
        )
    ]
    page.save_revision().publish()


def _ensure_staff(email, first_name, last_name, password, is_superuser) -> None:
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=email,
        defaults={
            "email": email,
            "first_name": first_name,
            "last_name": last_name,
            "is_superuser": is_superuser,
            "is_staff": is_superuser,
        },
    )
    if created:
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    if not is_superuser:
        user.groups.add(Group.objects.get(name=EDITORS_GROUP))
