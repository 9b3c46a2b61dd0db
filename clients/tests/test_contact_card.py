from wagtail.models import Site

from clients.models import ContactSettings
from conftest import login


def test_card_shows_the_account_executive(client, acme, acme_user):
    login(client, acme_user)

    page = client.get("/").content.decode()

    assert "Su ejecutivo de cuentas es:" in page and "Laura Giménez" in page
    assert 'Teléfono de contacto: <a href="tel:+541155550101">' in page
    assert (
        '<a class="button button--secondary" href="mailto:laura@nextvision.com">'
        in page
    )
    assert "Envíe mail por consulta" in page


def test_card_falls_back_to_the_general_contact_without_an_executive(
    client, make_client, make_user
):
    company = make_client("Sin Ejecutivo S.A.")
    user = make_user(company)
    ContactSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={
            "name": "Mesa comercial Nextvision",
            "phone": "0800-555-0199",
            "email": "comercial@nextvision.com",
        },
    )
    login(client, user)

    page = client.get("/").content.decode()

    assert "Su ejecutivo de cuentas es:" not in page
    assert "Mesa comercial Nextvision" in page
    assert 'href="tel:08005550199"' in page
    assert 'href="mailto:comercial@nextvision.com"' in page
    assert "Envíe mail por consulta" in page


def test_general_contact_is_edited_in_the_admin_settings(client, superuser):
    client.force_login(superuser)
    site = Site.objects.get(is_default_site=True)

    response = client.post(
        f"/admin/settings/clients/contactsettings/{site.pk}/",
        {
            "name": "Atención a clientes",
            "phone": "+54 11 4000-0000",
            "email": "a@b.com",
        },
    )

    assert response.status_code == 302
    assert ContactSettings.for_site(site).name == "Atención a clientes"
