from django.db import connection
from django.test.utils import CaptureQueriesContext

from clients.models import ServicesPage
from clients.services import add_client_user, open_client
from conftest import PASSWORD, login


def test_home_shows_the_sections_and_the_executive_card(client, acme, acme_user):
    login(client, acme_user)

    page = client.get("/").content.decode()

    assert "Servicios" in page
    assert "Conocé el detalle de los servicios contratados por tu empresa" in page
    assert "Informes de Documentos de Proyecto" in page
    assert "Su ejecutivo de cuentas es:" in page and "Laura Giménez" in page
    assert 'href="tel:+541155550101"' in page
    assert 'href="mailto:laura@nextvision.com"' in page
    assert "Envíe mail por consulta" in page


def test_home_hides_reports_for_clients_without_them(client, globex, globex_user):
    login(client, globex_user)

    page = client.get("/").content.decode()

    assert "Servicios" in page
    assert "Informes de Documentos de Proyecto" not in page


def test_home_never_names_another_client(client, acme, globex, globex_user):
    login(client, globex_user)

    page = client.get("/").content.decode()

    assert "Globex" in page
    assert "Acme" not in page


def test_services_page_lists_its_documents(client, acme, acme_user):
    from clients.tests.test_access import make_document

    document = make_document(acme, "alcance.pdf")
    services = ServicesPage.objects.child_of(acme.page).get()
    services.services = [
        ("service", {"title": "Mesa de ayuda", "text": "", "documents": [document]})
    ]
    services.save_revision().publish()
    login(client, acme_user)

    page = client.get(services.url).content.decode()

    assert "Mesa de ayuda" in page
    assert document.url in page


def seed_clients(count, start=0):
    for number in range(start, start + count):
        company = open_client(name=f"Cliente de carga {number}")
        add_client_user(
            client=company,
            email=f"carga{number}@example.com",
            first_name="Carga",
            last_name=str(number),
            password=PASSWORD,
        )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_budget_holds_and_stays_flat_as_clients_grow(client, acme, acme_user):
    urls = {"home": "/", "services": ServicesPage.objects.child_of(acme.page).get().url}
    seed_clients(1)
    login(client, acme_user)
    for url in urls.values():
        client.get(url)  # warm Wagtail's site-root cache, as on a running server
    with_two = {name: queries_for(client, url) for name, url in urls.items()}

    seed_clients(198, start=1)
    with_two_hundred = {name: queries_for(client, url) for name, url in urls.items()}

    for name in urls:
        print(f"{name}: {with_two[name]} queries at 2 clients, ", end="")
        print(f"{with_two_hundred[name]} at 200")
    assert max(with_two.values()) <= 10
    assert with_two_hundred == with_two


def test_no_cache_serves_one_client_to_another(client, acme, globex, acme_user):
    """Pages of one company are private to caches, and the app caches none of them."""
    from django.test import Client

    from conftest import PASSWORD

    globex_browser = Client()
    globex_user = add_client_user(
        client=globex,
        email="otra@globex.example",
        first_name="Otra",
        last_name="Persona",
        password=PASSWORD,
    )
    login(client, acme_user)
    login(globex_browser, globex_user)

    for url in ["/", "/tickets/", "/mi-empresa/"]:
        first = client.get(url)
        second = globex_browser.get(url)
        assert "private" in first["Cache-Control"], url
        assert "Acme S.A." in first.content.decode(), url
        assert "Acme S.A." not in second.content.decode(), url
        assert "Globex" in second.content.decode(), url
