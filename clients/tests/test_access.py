from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from clients.models import ProjectReportsPage, ServicesPage
from conftest import login


def client_urls(client):
    services = ServicesPage.objects.child_of(client.page).get()
    urls = [client.page.url, services.url]
    reports = ProjectReportsPage.objects.child_of(client.page).first()
    if reports:
        urls.append(reports.url)
    return urls


def make_document(client, name="contrato.pdf"):
    document = get_document_model()(title="Contrato", collection=client.collection)
    document.file.save(name, ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    return document


@pytest.fixture
def acme_document(acme):
    return make_document(acme)


def test_anonymous_visitors_go_to_login_and_come_back(client, acme, acme_document):
    for url in ["/", *client_urls(acme), acme_document.url, "/soporte/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"/ingresar/?next={url}", url


def test_login_brings_the_user_back_to_the_page_asked_for(client, acme, acme_user):
    services_url = client_urls(acme)[1]

    response = client.post(
        f"/ingresar/?next={services_url}",
        {"username": "ANA@acme.example", "password": "a-long-test-password"},
    )

    assert response.status_code == 302
    assert response["Location"] == services_url


def test_wrong_password_says_so_in_spanish(client, acme_user):
    response = client.post(
        "/ingresar/", {"username": acme_user.email, "password": "equivocada"}
    )

    assert response.status_code == 200
    assert (
        "Ingresá un correo electrónico y una contraseña correctos."
        in response.content.decode()
    )


def test_user_of_the_same_client_reads_pages_and_documents(
    client, acme, acme_user, acme_document
):
    login(client, acme_user)

    for url in client_urls(acme):
        assert client.get(url).status_code == 200, url
    download = client.get(acme_document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 test"
    assert "private" in download["Cache-Control"]


def test_user_of_another_client_gets_404_not_a_login_redirect(
    client, acme, globex_user, acme_document
):
    login(client, globex_user)

    for url in [*client_urls(acme), acme_document.url]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Acme" not in response.content.decode(), url


def test_client_index_is_never_browsable(client, acme, acme_user, superuser):
    index_url = acme.page.get_parent().url
    login(client, acme_user)
    assert client.get(index_url).status_code == 404

    client.force_login(superuser)
    assert client.get(index_url).status_code == 404


def test_client_users_have_no_admin(client, acme_user):
    login(client, acme_user)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editors_use_the_admin_and_the_client_listing(client, editor, acme):
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200
    listing = client.get("/admin/clients/client/")
    assert listing.status_code == 200
    assert "Acme S.A." in listing.content.decode()


def test_superuser_reads_any_client_area(client, acme, superuser, acme_document):
    client.force_login(superuser)

    for url in client_urls(acme):
        assert client.get(url).status_code == 200, url
    assert client.get(acme_document.url).status_code == 200


def test_document_files_are_not_served_from_media(client, acme_user, acme_document):
    login(client, acme_user)

    response = client.get(f"/media/{acme_document.file.name}")

    assert response.status_code in (302, 404)
