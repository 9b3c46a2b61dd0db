import datetime

from django.contrib.auth import get_user_model
from django.core import mail

import pytest
import time_machine

from clients.services import add_client_user, send_invitation
from clients.tests.helpers import link_in, only_message, use_anymail

NEW_PASSWORD = "otra-clave-bien-larga-2026"


@pytest.fixture
def invited(make_client, settings):
    use_anymail(settings)
    company = make_client("Initech S.A.", with_contacts=False)
    return add_client_user(
        client=company,
        email="Carla.Suarez@Initech.example",
        first_name="Carla",
        last_name="Suárez",
        invite=True,
    )


def accept(client, path, password=NEW_PASSWORD):
    return client.post(path, {"new_password1": password, "new_password2": password})


def test_invitation_email_is_spanish_html_and_text_through_anymail(invited):
    message = only_message()

    assert message.to == ["carla.suarez@initech.example"]
    assert message.subject == "Tu acceso a la extranet de Nextvision para Initech S.A."
    assert "Hola Carla:" in message.body
    assert "El enlace funciona una sola vez y vence en 7 días" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Elegir mi contraseña" in html
    assert message.anymail_test_params["tags"] == ["invitation"]
    assert link_in(message).startswith("/invitacion/")


def test_invitation_link_sets_the_password_logs_in_and_asks_for_contacts(
    client, invited
):
    path = link_in(only_message())

    page = client.get(path)
    response = accept(client, path)

    assert page.status_code == 200
    assert (
        "Elegí la contraseña de carla.suarez@initech.example" in page.content.decode()
    )
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/")["Location"] == "/mi-empresa/contactos/"
    welcome = "Tu contraseña quedó guardada"
    assert welcome in client.get("/mi-empresa/contactos/").content.decode()
    assert welcome not in client.get("/mi-empresa/contactos/").content.decode()
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)


def test_invitation_link_works_only_once(client, invited):
    path = link_in(only_message())
    accept(client, path)
    client.post("/salir/")

    again = client.get(path)
    reused = accept(client, path, "una-tercera-clave-larga")

    assert again.status_code == 410
    assert "Esta invitación ya no funciona" in again.content.decode()
    assert "¿Olvidaste tu contraseña?" in again.content.decode()
    assert reused.status_code == 410
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)


@pytest.mark.parametrize(("days", "works"), [(6, True), (8, False)])
def test_invitation_link_expires_after_the_configured_days(
    client, make_client, settings, days, works
):
    use_anymail(settings)
    company = make_client(with_contacts=False)
    with time_machine.travel(datetime.datetime(2026, 12, 1, 12), tick=False):
        add_client_user(
            client=company,
            email="a@b.example",
            first_name="A",
            last_name="B",
            invite=True,
        )
    path = link_in(only_message())

    later = datetime.datetime(2026, 12, 1 + days, 12)
    with time_machine.travel(later, tick=False):
        status = client.get(path).status_code

    assert status == (200 if works else 410)


def test_expiry_follows_the_setting(client, invited, settings):
    path = link_in(only_message())
    settings.EXTRANET_INVITATION_DAYS = 1

    with time_machine.travel(datetime.timedelta(days=2)):
        assert client.get(path).status_code == 410


def test_a_new_invitation_replaces_the_older_link(client, invited):
    first = link_in(only_message())
    mail.outbox.clear()

    send_invitation(user=invited)
    second = link_in(only_message())

    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_weak_password_is_refused_in_spanish_and_link_stays_valid(client, invited):
    path = link_in(only_message())

    response = accept(client, path, "corta")

    assert response.status_code == 200
    assert "demasiado corta" in response.content.decode()
    invited.refresh_from_db()
    assert not invited.has_usable_password()
    assert client.get(path).status_code == 200


def test_tampered_or_foreign_links_are_refused(client, invited, acme_user):
    path = link_in(only_message())
    uid, token = path.strip("/").split("/")[1:]

    tampered = client.get(f"/invitacion/{uid}/{token[:-1]}x/")
    nobody = client.get(f"/invitacion/OTk5OTk/{token}/")

    assert tampered.status_code == 410
    assert nobody.status_code == 410


def test_deactivated_user_cannot_use_the_invitation(client, invited):
    path = link_in(only_message())
    get_user_model().objects.filter(pk=invited.pk).update(is_active=False)

    assert client.get(path).status_code == 410
