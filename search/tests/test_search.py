from django.core.files.base import ContentFile
from django.db import connection

from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, PageViewRestriction

import pytest

from clients.models import ProjectReportsPage, ServicesPage
from conftest import login
from home.models import HomePage, SharedPage


def give_services(client_company, title):
    page = ServicesPage.objects.child_of(client_company.page).get()
    page.services = [("service", {"title": title, "text": "", "documents": []})]
    page.save_revision().publish()
    return page


def add_document(collection, title):
    document = get_document_model()(title=title, collection=collection)
    document.file.save("doc.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    return document


@pytest.fixture
def searchable(acme, globex):
    home = HomePage.objects.get()
    home.add_child(
        instance=SharedPage(title="Soporte", slug="soporte", body="<p>x</p>")
    )
    return {
        "acme_services": give_services(acme, "Firewall perimetral"),
        "globex_services": give_services(globex, "Firewall de Globex"),
        "acme_doc": add_document(acme.collection, "Firewall contrato Acme"),
        "globex_doc": add_document(globex.collection, "Firewall contrato Globex"),
        "public_doc": add_document(
            Collection.get_first_root_node(), "Firewall guía general"
        ),
    }


def results(client, query):
    response = client.get("/buscar/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_search_needs_a_login(client, searchable):
    response = client.get("/buscar/", {"q": "Firewall"})

    assert response.status_code == 302
    assert response["Location"].startswith("/ingresar/")


def test_client_finds_own_pages_and_documents_only(client, acme_user, searchable):
    login(client, acme_user)

    page = results(client, "Firewall")

    assert searchable["acme_services"].url in page
    assert searchable["acme_doc"].url in page
    assert searchable["public_doc"].url in page
    assert searchable["globex_services"].url not in page
    assert searchable["globex_doc"].url not in page
    assert "Globex" not in page


def test_client_finds_shared_pages(client, globex_user, searchable):
    login(client, globex_user)

    assert "/soporte/" in results(client, "Soporte")


def test_a_restriction_set_by_hand_hides_a_shared_page(client, acme_user, searchable):
    restricted = SharedPage(title="Solo staff", slug="solo-staff")
    HomePage.objects.get().add_child(instance=restricted)
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.set([])
    login(client, acme_user)

    assert restricted.url not in results(client, "staff")


def test_superuser_finds_everything(client, superuser, searchable):
    client.force_login(superuser)

    page = results(client, "Firewall")

    assert searchable["acme_services"].url in page
    assert searchable["globex_services"].url in page
    assert searchable["globex_doc"].url in page


def test_reports_of_a_client_are_searchable_by_that_client(
    client, acme, acme_user, globex_user
):
    reports = ProjectReportsPage.objects.child_of(acme.page).get()
    reports.intro = "Migración del datacenter"
    reports.save_revision().publish()

    login(client, acme_user)
    assert reports.url in results(client, "datacenter")
    client.logout()
    login(client, globex_user)
    assert reports.url not in results(client, "datacenter")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL's search stems words"
)
def test_spanish_stemming_on_postgresql(client, acme, acme_user):
    reports = ProjectReportsPage.objects.child_of(acme.page).get()
    reports.intro = "Informes de las migraciones"
    reports.save_revision().publish()
    login(client, acme_user)

    assert reports.url in results(client, "migración")
