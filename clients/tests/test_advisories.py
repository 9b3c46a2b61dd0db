"""Regression guards for Wagtail's security advisories that touch what clients see.

The README's "Wagtail security advisories" section lists every advisory of 2024-2026
and why the others do not apply here.
"""

from django.conf import settings
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from conftest import login


@pytest.fixture
def acme_document(acme):
    document = get_document_model()(title="Contrato", collection=acme.collection)
    document.file.save("contrato.pdf", ContentFile(b"%PDF-1.4 acme"), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def conditional_get(client, document, filename=None):
    url = f"/documents/{document.pk}/{filename or document.filename}"
    return client.get(url, HTTP_IF_NONE_MATCH=f'"{document.file_hash}"')


def test_etag_of_a_private_document_tells_other_clients_nothing(
    client, globex_user, acme_document
):
    """GHSA-92hv-j533-69wc: a matching If-None-Match must not answer 304."""
    login(client, globex_user)

    assert conditional_get(client, acme_document).status_code == 404
    assert conditional_get(client, acme_document, "otro.pdf").status_code == 404


def test_etag_of_a_private_document_tells_anonymous_visitors_nothing(
    client, acme_document
):
    response = conditional_get(client, acme_document)

    assert response.status_code == 302
    assert response["Location"].startswith("/ingresar/")


def test_the_owner_still_gets_conditional_responses(client, acme_user, acme_document):
    login(client, acme_user)

    response = conditional_get(client, acme_document)

    assert response.status_code == 304
    assert "private" in response["Cache-Control"]


def test_no_public_api_is_installed_or_mounted(client, acme_user):
    """GHSA-p5gm-92h4-6pv6 and GHSA-c2xx-cjmh-9q8f: the API listed private files."""
    login(client, acme_user)

    assert "wagtail.api" not in settings.INSTALLED_APPS
    for url in ["/api/v2/documents/", "/api/v2/pages/", "/api/v2/images/"]:
        assert client.get(url).status_code == 404, url


def test_client_users_get_no_json_from_the_admin_api(client, acme_user):
    """GHSA-3vrh-m9w7-v94f: the admin's pages API listed titles without a filter."""
    login(client, acme_user)

    response = client.get("/admin/api/main/pages/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
