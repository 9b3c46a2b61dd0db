from django.contrib.auth.models import Group

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from clients.models import ClientPage, ProjectReportsPage, ServicesPage
from clients.services import provision_client


def counts():
    return (
        Group.objects.count(),
        Collection.objects.count(),
        ClientPage.objects.count(),
        ServicesPage.objects.count(),
        ProjectReportsPage.objects.count(),
        PageViewRestriction.objects.count(),
        CollectionViewRestriction.objects.count(),
    )


def test_opening_a_client_provisions_group_collection_pages_and_restrictions(acme):
    assert acme.group.name == "Cliente: Acme S.A."
    assert acme.collection.name == "Acme S.A."
    assert acme.collection.get_parent().name == "Clientes"

    collection_restriction = CollectionViewRestriction.objects.get(
        collection=acme.collection
    )
    assert collection_restriction.restriction_type == "groups"
    assert list(collection_restriction.groups.all()) == [acme.group]

    page = acme.page
    assert page.title == "Acme S.A." and page.live
    page_restriction = PageViewRestriction.objects.get(page=page)
    assert list(page_restriction.groups.all()) == [acme.group]
    assert ServicesPage.objects.child_of(page).live().count() == 1
    assert ProjectReportsPage.objects.child_of(page).live().count() == 1


def test_client_without_reports_has_no_reports_section(globex):
    assert not ProjectReportsPage.objects.child_of(globex.page).exists()
    assert ServicesPage.objects.child_of(globex.page).exists()


def test_provisioning_twice_changes_nothing(acme, globex):
    before = counts()

    provision_client(client=acme)
    provision_client(client=globex)

    assert counts() == before


def test_switching_reports_on_later_adds_the_section(globex):
    globex.has_project_reports = True
    globex.save()
    provision_client(client=globex)

    assert ProjectReportsPage.objects.child_of(globex.page).live().count() == 1


def test_switching_reports_off_hides_the_section_and_keeps_its_content(acme):
    reports = ProjectReportsPage.objects.child_of(acme.page).get()
    reports.intro = "Informes del proyecto Alfa"
    reports.save_revision().publish()

    acme.has_project_reports = False
    acme.save()
    provision_client(client=acme)

    reports.refresh_from_db()
    assert not reports.live
    assert reports.intro == "Informes del proyecto Alfa"

    acme.has_project_reports = True
    acme.save()
    provision_client(client=acme)

    reports.refresh_from_db()
    assert reports.live
    assert reports.intro == "Informes del proyecto Alfa"
    assert ProjectReportsPage.objects.child_of(acme.page).count() == 1


def test_renaming_keeps_group_collection_and_page_title_in_step(acme):
    acme.name = "Acme Argentina S.A."
    acme.save()
    provision_client(client=acme)

    acme.refresh_from_db()
    assert acme.group.name == "Cliente: Acme Argentina S.A."
    assert acme.collection.name == "Acme Argentina S.A."
    page = ClientPage.objects.get(client=acme)
    assert page.title == "Acme Argentina S.A."
    assert page.slug == "acme-sa"


def test_membership_puts_the_user_in_the_client_group(acme_user, acme):
    assert list(acme_user.groups.all()) == [acme.group]

    acme_user.client_membership.delete()

    assert not acme_user.groups.exists()
