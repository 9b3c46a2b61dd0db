from django.core.exceptions import PermissionDenied

from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.actions.move_page import MovePageAction
from wagtail.models import Page

import pytest

from clients.models import ProjectReportsPage, ServicesPage
from home.models import HomePage, SharedPage


@pytest.fixture
def acme_services(acme):
    return ServicesPage.objects.child_of(acme.page).get()


def copy_form(page, parent, *, alias=False):
    data = {
        "new_title": "Copia",
        "new_slug": "copia",
        "new_parent_page": parent.pk,
        "publish_copies": "on",
    }
    if alias:
        data["alias"] = "on"
    return data


@pytest.mark.parametrize("alias", [False, True], ids=["copy", "alias"])
def test_admin_refuses_to_copy_or_alias_a_client_page_to_a_public_place(
    client, superuser, acme_services, alias
):
    home = HomePage.objects.get()
    client.force_login(superuser)
    pages_before = Page.objects.count()

    response = client.post(
        f"/admin/pages/{acme_services.pk}/copy/",
        copy_form(acme_services, home, alias=alias),
        follow=True,
    )

    assert Page.objects.count() == pages_before
    assert "no pueden copiarse" in response.content.decode()


def test_admin_refuses_to_copy_the_whole_client_index(client, superuser, acme):
    index = acme.page.get_parent()
    client.force_login(superuser)
    pages_before = Page.objects.count()

    client.post(
        f"/admin/pages/{index.pk}/copy/",
        {**copy_form(index, HomePage.objects.get()), "copy_subpages": "on"},
    )

    assert Page.objects.count() == pages_before


def test_admin_refuses_to_move_a_page_into_another_client_area(
    client, superuser, acme, make_client
):
    other = make_client("Sin Informes S.A.")
    reports = ProjectReportsPage.objects.child_of(acme.page).get()
    client.force_login(superuser)

    response = client.post(
        f"/admin/pages/{reports.pk}/move/{other.page.pk}/confirm/", follow=True
    )

    reports.refresh_from_db()
    assert reports.get_parent().pk == acme.page.pk
    assert "no pueden copiarse" in response.content.decode()


def test_admin_refuses_to_move_a_page_out_to_a_public_place(
    client, superuser, acme_services
):
    client.force_login(superuser)

    client.post(
        f"/admin/pages/{acme_services.pk}/move/{HomePage.objects.get().pk}/confirm/"
    )

    acme_services.refresh_from_db()
    assert acme_services.get_parent().specific.client is not None


def test_crafted_actions_that_skip_the_admin_are_refused(
    superuser, acme_services, acme, make_client
):
    other = make_client("Sin Informes S.A.")
    home = HomePage.objects.get()
    reports = ProjectReportsPage.objects.child_of(acme.page).get()

    with pytest.raises(PermissionDenied):
        CreatePageAliasAction(acme_services, parent=home, update_slug="fuga").execute(
            skip_permission_checks=True
        )
    with pytest.raises(PermissionDenied):
        MovePageAction(reports, other.page, pos="last-child").execute(
            skip_permission_checks=True
        )

    assert not Page.objects.filter(slug="fuga").exists()
    assert ProjectReportsPage.objects.child_of(acme.page).exists()


def test_shared_pages_can_still_be_copied(superuser, acme):
    home = HomePage.objects.get()
    shared = SharedPage(title="Novedades", slug="novedades")
    home.add_child(instance=shared)

    copy = CopyPageAction(
        shared, to=home, update_attrs={"title": "Copia", "slug": "copia"}
    ).execute(skip_permission_checks=True)

    assert copy.pk != shared.pk
