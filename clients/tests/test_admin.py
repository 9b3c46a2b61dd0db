from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from clients.blocks import CLIENT_RICH_TEXT_FEATURES
from clients.models import (
    Client,
    ClientIndexPage,
    ClientPage,
    ProjectReportsPage,
    ServicesPage,
)
from home.models import HomePage, SharedPage


def test_opening_a_client_in_the_admin_is_one_form_and_one_save(
    client, editor, executive
):
    client.force_login(editor)

    response = client.post(
        "/admin/clients/client/create/",
        {
            "name": "Umbrella S.A.",
            "slug": "",
            "account_executive": executive.pk,
            "has_project_reports": "on",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    umbrella = Client.objects.get(name="Umbrella S.A.")
    assert umbrella.slug == "umbrella-sa"
    assert umbrella.group and umbrella.collection
    assert ProjectReportsPage.objects.child_of(umbrella.page).live().exists()


def test_turning_reports_off_in_the_admin_hides_the_section(client, editor, acme):
    client.force_login(editor)

    response = client.post(
        f"/admin/clients/client/edit/{acme.pk}/",
        {"name": acme.name, "account_executive": "", "is_active": "on"},
    )

    assert response.status_code == 302
    assert not ProjectReportsPage.objects.child_of(acme.page).live().exists()
    assert Client.objects.get(pk=acme.pk).slug == "acme-sa"


def test_admin_refuses_a_duplicate_name_in_spanish(client, editor, acme):
    client.force_login(editor)

    response = client.post(
        "/admin/clients/client/create/", {"name": "Acme S.A.", "is_active": "on"}
    )

    assert response.status_code == 200
    assert "Ya existe" in response.content.decode()
    assert Client.objects.count() == 1


def test_clients_cannot_be_deleted_from_the_admin(client, superuser, acme):
    client.force_login(superuser)

    response = client.post(f"/admin/clients/client/delete/{acme.pk}/")

    assert response.status_code in (302, 403)
    assert Client.objects.filter(pk=acme.pk).exists()


def test_client_listing_filters_and_searches(client, editor, acme, globex):
    client.force_login(editor)

    with_reports = client.get("/admin/clients/client/?has_project_reports__exact=1")
    searched = client.get("/admin/clients/client/?q=Globex")

    assert "Acme S.A." in with_reports.content.decode()
    assert "Globex" not in with_reports.content.decode()
    assert "Globex S.R.L." in searched.content.decode()
    assert "Acme S.A." not in searched.content.decode()


def test_admin_speaks_spanish(client, editor):
    client.force_login(editor)

    response = client.get("/admin/")

    assert 'lang="es' in response.content.decode()


def test_page_types_keep_the_tree_as_designed():
    assert ClientIndexPage.allowed_parent_page_models() == [HomePage]
    assert ClientPage.allowed_parent_page_models() == [ClientIndexPage]
    assert set(ClientPage.allowed_subpage_models()) == {
        ServicesPage,
        ProjectReportsPage,
    }
    assert ServicesPage.allowed_subpage_models() == []
    assert set(HomePage.allowed_subpage_models()) == {SharedPage, ClientIndexPage}
    assert HomePage.allowed_parent_page_models() == [Page]
    assert not ClientPage.is_creatable
    assert ServicesPage.max_count_per_parent == 1


def test_client_rich_text_offers_no_images():
    assert "image" not in CLIENT_RICH_TEXT_FEATURES
    assert "embed" not in CLIENT_RICH_TEXT_FEATURES


@pytest.mark.django_db
def test_document_uploaded_from_a_client_page_lands_in_its_collection(
    client, editor, acme, globex
):
    root_doc = get_document_model()(
        title="Anexo", collection=Collection.get_first_root_node()
    )
    root_doc.file.save("anexo.pdf", ContentFile(b"%PDF-1.4"), save=False)
    root_doc.save()
    services = ServicesPage.objects.child_of(acme.page).get()
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/{services.pk}/edit/",
        nested_form_data(
            {
                "title": services.title,
                "slug": services.slug,
                "intro": "Servicios",
                "services": streamfield(
                    [
                        (
                            "service",
                            {
                                "title": "Soporte",
                                "text": rich_text(""),
                                "documents": streamfield([("item", root_doc.pk)]),
                            },
                        )
                    ]
                ),
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    root_doc.refresh_from_db()
    assert root_doc.collection == acme.collection
