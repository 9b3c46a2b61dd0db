import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.documents import get_document_model

from clients.models import Client, ProjectReportsPage, ServicesPage
from home.models import HomePage


def test_demo_data_loads_twice_without_duplicates(db, settings):
    settings.EXTRANET_DEMO_PASSWORDS = True

    call_command("load_demo_data", stdout=io.StringIO())
    first = (
        Client.objects.count(),
        get_user_model().objects.count(),
        get_document_model().objects.count(),
    )
    call_command("load_demo_data", stdout=io.StringIO())

    assert first == (2, 4, 5)
    assert (
        Client.objects.count(),
        get_user_model().objects.count(),
        get_document_model().objects.count(),
    ) == first


def test_demo_clients_have_services_documents_and_one_report(db, settings, client):
    settings.EXTRANET_DEMO_PASSWORDS = True
    call_command("load_demo_data", stdout=io.StringIO())

    andes, pampa = Client.objects.order_by("name")
    assert andes.has_project_reports and not pampa.has_project_reports
    for company in (andes, pampa):
        services = ServicesPage.objects.child_of(company.page).get()
        documents = [
            doc for block in services.services for doc in block.value["documents"]
        ]
        assert len(documents) == 2
        assert all(doc.collection == company.collection for doc in documents)
        assert all(doc.file.read(5) == b"%PDF-" for doc in documents)
    reports = ProjectReportsPage.objects.child_of(andes.page).get()
    assert len(reports.reports) == 1

    support = HomePage.objects.get().support_page
    assert "S1: Sistema caído" in support.body


def test_demo_logins_work_only_with_demo_passwords(db, settings, client):
    settings.EXTRANET_DEMO_PASSWORDS = False

    call_command("load_demo_data", stdout=io.StringIO())

    assert not any(u.has_usable_password() for u in get_user_model().objects.all())


def test_demo_client_user_sees_their_dashboard(db, settings, client):
    settings.EXTRANET_DEMO_PASSWORDS = True
    call_command("load_demo_data", stdout=io.StringIO())
    ana = get_user_model().objects.get(email="ana.perez@andeslogistica.com.ar")
    client.post(
        "/ingresar/",
        {"username": ana.email, "password": "andes-demo-2026"},
    )

    page = client.get("/").content.decode()

    assert "Andes Logística S.A." in page
    assert "Pampa" not in page
    assert "Informes de Documentos de Proyecto" in page
