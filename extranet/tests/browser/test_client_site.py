import re

import pytest

from clients.models import ProjectReportsPage, ServicesPage

from .helpers import accessibility_violations, log_in

# Migrations create the page tree, the root collection and the groups; a
# transactional test flushes them, so they are restored after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_client_reads_services_support_and_reports(
    page, live_server, acme_user, site_content, snap
):
    page.goto(f"{live_server.url}/")
    assert "/ingresar/" in page.url
    assert accessibility_violations(page) == ""
    snap("login")

    log_in(page, live_server, acme_user.email)
    assert page.get_by_role("heading", name=re.compile("Acme S.A.")).is_visible()
    assert page.get_by_text("Su ejecutivo de cuentas es:").is_visible()
    assert accessibility_violations(page) == ""
    snap("home")

    page.get_by_role("link", name="Servicios").click()
    assert page.get_by_role("heading", name="Servicios", level=1).is_visible()
    assert accessibility_violations(page) == ""
    snap("services")
    document_link = page.get_by_role("link", name="Alcance Acme S.A.")
    download = page.request.get(live_server.url + document_link.get_attribute("href"))
    assert download.status == 200
    assert download.body().startswith(b"%PDF")

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Informes de Documentos de Proyecto").click()
    assert accessibility_violations(page) == ""
    snap("reports")

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Soporte").click()
    assert page.get_by_role("heading", name="Soporte", level=1).is_visible()
    assert accessibility_violations(page) == ""
    snap("support")

    search_box = page.get_by_role("searchbox").first
    search_box.fill("Alcance")
    search_box.press("Enter")
    page.wait_for_url("**/buscar/?q=Alcance")
    assert page.get_by_role("link", name="Alcance Acme S.A.").is_visible()
    assert page.get_by_text("Globex").count() == 0
    assert accessibility_violations(page) == ""
    snap("search")


def test_user_of_another_client_reaches_none_of_it(
    page, live_server, acme, globex_user, site_content, snap
):
    log_in(page, live_server, globex_user.email)
    acme_pages = [
        acme.page.url,
        ServicesPage.objects.child_of(acme.page).get().url,
        ProjectReportsPage.objects.child_of(acme.page).get().url,
        site_content["acme-sa"].url,
    ]

    for url in acme_pages:
        response = page.goto(live_server.url + url)
        assert response.status == 404, url
        assert "Acme" not in page.content(), url
    assert accessibility_violations(page) == ""
    snap("not-found")

    page.goto(f"{live_server.url}/buscar/?q=Alcance")
    assert page.get_by_role("link", name="Alcance Globex S.R.L.").is_visible()
    assert "Acme" not in page.content()
