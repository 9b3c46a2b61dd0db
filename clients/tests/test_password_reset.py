import re

from django.contrib.auth import get_user_model
from django.core import mail

from clients.services import add_client_user
from clients.tests.helpers import link_in, only_message, use_anymail

NEW = "mi-clave-nueva-de-2026"


def without_csrf_tokens(response):
    """The page's text with the per-render CSRF tokens blanked out."""
    return re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode()
    )


def ask_reset(client, email):
    return client.post("/contrasena/olvidada/", {"email": email}, follow=True)


def test_login_page_offers_the_reset(client, db):
    page = client.get("/ingresar/").content.decode()

    assert '<a href="/contrasena/olvidada/">¿Olvidaste tu contraseña?</a>' in page


def test_reset_says_the_same_for_known_and_unknown_emails(client, acme_user, settings):
    use_anymail(settings)

    known = ask_reset(client, acme_user.email)
    unknown = ask_reset(client, "nadie@acme.example")

    assert (
        known.redirect_chain
        == unknown.redirect_chain
        == [("/contrasena/enviada/", 302)]
    )
    assert without_csrf_tokens(known) == without_csrf_tokens(unknown)
    assert "Si la dirección corresponde a una cuenta" in known.content.decode()
    assert len(mail.outbox) == 1


def test_reset_email_is_spanish_and_its_link_sets_a_new_password(
    client, acme_user, settings
):
    use_anymail(settings)
    ask_reset(client, acme_user.email.upper())
    message = only_message()
    path = link_in(message)

    form = client.get(path, follow=True)
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}
    )

    assert (
        message.subject == "Elegí una contraseña nueva para la extranet de Nextvision"
    )
    assert "Alguien pidió restablecer la contraseña" in message.body
    assert message.anymail_test_params["tags"] == ["password-reset"]
    assert done["Location"] == "/contrasena/lista/"
    login = client.post("/ingresar/", {"username": acme_user.email, "password": NEW})
    assert login.status_code == 302
    assert client.get(path, follow=True).content.decode().count("ya no funciona") == 1


def test_an_invited_user_who_asks_for_a_reset_gets_a_new_invitation(
    client, acme, settings
):
    use_anymail(settings)
    user = add_client_user(
        client=acme, email="nueva@acme.example", first_name="Nueva", last_name="Persona"
    )

    ask_reset(client, user.email)
    message = only_message()

    assert message.anymail_test_params["tags"] == ["invitation"]
    assert client.get(link_in(message)).status_code == 200


def test_no_reset_email_for_deactivated_users_or_clients(
    client, acme, acme_user, globex, globex_user, settings
):
    use_anymail(settings)
    get_user_model().objects.filter(pk=acme_user.pk).update(is_active=False)
    globex.is_active = False
    globex.save()

    ask_reset(client, acme_user.email)
    ask_reset(client, globex_user.email)

    assert mail.outbox == []


def test_logged_in_user_changes_the_password(client, acme_user):
    from conftest import PASSWORD, login

    login(client, acme_user)

    page = client.get("/cuenta/contrasena/")
    response = client.post(
        "/cuenta/contrasena/",
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )

    assert "Cambiá tu contraseña" in page.content.decode()
    assert response.status_code == 302
    assert client.get("/").status_code == 200  # this session stays logged in
    acme_user.refresh_from_db()
    assert acme_user.check_password(NEW)
