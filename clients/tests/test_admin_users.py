from django.contrib.auth import get_user_model
from django.core import mail

import pytest

from clients.accounts import has_temporary_password
from clients.services import add_client_user
from clients.tests.helpers import link_in, only_message, use_anymail
from clients.tests.test_commands import run
from conftest import login


def add_url(company):
    return f"/admin/clients/client/{company.pk}/users/add/"


def new_user_data(**overrides):
    return {
        "first_name": "Carla",
        "last_name": "Suárez",
        "email": "Carla@Acme.example",
        "access": "invite",
        "password": "",
        **overrides,
    }


def test_client_edit_page_lists_users_and_links_to_add_one(
    client, editor, acme, acme_user
):
    client.force_login(editor)

    page = client.get(f"/admin/clients/client/edit/{acme.pk}/").content.decode()

    assert "Usuarios y contactos" in page
    assert "ana@acme.example" in page
    assert add_url(acme) in page


def test_staff_add_a_user_with_an_invitation_by_default(client, editor, acme, settings):
    use_anymail(settings)
    client.force_login(editor)

    form = client.get(add_url(acme)).content.decode()
    response = client.post(add_url(acme), new_user_data())

    assert 'value="invite"' in form and "checked" in form
    assert response["Location"] == f"/admin/clients/client/edit/{acme.pk}/"
    user = get_user_model().objects.get(username="carla@acme.example")
    assert user.client_membership.client == acme
    assert user.groups.filter(pk=acme.group_id).exists()
    assert not user.has_usable_password()
    assert only_message().to == ["carla@acme.example"]


def test_staff_add_a_user_with_a_temporary_password(client, editor, acme):
    client.force_login(editor)

    client.post(
        add_url(acme),
        new_user_data(access="temporary_password", password="provisoria-larga-8841"),
    )

    user = get_user_model().objects.get(username="carla@acme.example")
    assert user.check_password("provisoria-larga-8841")
    assert has_temporary_password(user)
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "ANA@acme.example"}, "Ya existe un usuario con este correo"),
        ({"access": "temporary_password"}, "Ingresá la contraseña temporal."),
        (
            {"access": "temporary_password", "password": "corta"},
            "demasiado corta",
        ),
        ({"first_name": ""}, "Este campo es necesario."),
    ],
)
def test_bad_input_gets_a_spanish_message_and_keeps_what_was_typed(
    client, editor, acme, acme_user, overrides, message
):
    client.force_login(editor)
    before = get_user_model().objects.count()

    response = client.post(add_url(acme), new_user_data(**overrides))

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'value="Suárez"' in page
    assert get_user_model().objects.count() == before


def test_staff_resend_an_invitation_and_the_old_link_dies(
    client, editor, acme, settings
):
    use_anymail(settings)
    user = add_client_user(
        client=acme, email="c@acme.example", first_name="C", last_name="D", invite=True
    )
    old = link_in(only_message())
    mail.outbox.clear()
    client.force_login(editor)
    url = f"/admin/clients/client/{acme.pk}/users/{user.pk}/resend-invitation/"

    confirm = client.get(url)
    response = client.post(url)

    assert "c@acme.example" in confirm.content.decode()
    assert response.status_code == 302
    new = link_in(only_message())
    client.logout()
    assert client.get(old).status_code == 410
    assert client.get(new).status_code == 200


def test_resend_is_refused_for_a_user_who_set_a_password(
    client, editor, acme, acme_user
):
    client.force_login(editor)
    url = f"/admin/clients/client/{acme.pk}/users/{acme_user.pk}/resend-invitation/"

    response = client.post(url, follow=True)

    assert "ya eligió su contraseña" in response.content.decode()
    assert mail.outbox == []


def test_user_pages_of_the_admin_check_who_asks(
    client, acme, acme_user, globex_user, editor
):
    resend = (
        f"/admin/clients/client/{acme.pk}/users/{globex_user.pk}/resend-invitation/"
    )

    assert client.get(add_url(acme))["Location"].startswith("/admin/login/")
    login(client, acme_user)
    assert client.get(add_url(acme)).status_code == 302
    client.force_login(editor)
    assert client.get(resend).status_code == 404  # a user of another client


INVITE_NEW_USER = [
    "add_client_user",
    "--client",
    "acme-sa",
    "--email",
    "nuevo@acme.example",
    "--first-name",
    "Nuevo",
    "--last-name",
    "Usuario",
    "--invite",
]


def test_add_client_user_command_invites(acme, settings):
    use_anymail(settings)

    out = run(*INVITE_NEW_USER)

    assert "Sent an invitation to nuevo@acme.example" in out
    assert link_in(only_message()).startswith("/invitacion/")


def test_add_client_user_command_dry_run_sends_nothing(acme):
    out = run(*INVITE_NEW_USER, "--dry-run")

    assert "Would send" in out
    assert mail.outbox == []
    assert not get_user_model().objects.filter(email="nuevo@acme.example").exists()


def test_command_password_is_temporary(acme):
    run(
        "add_client_user",
        "--client",
        "acme-sa",
        "--email",
        "t@acme.example",
        "--first-name",
        "T",
        "--last-name",
        "U",
        "--password",
        "provisoria-larga-8841",
    )

    assert has_temporary_password(get_user_model().objects.get(email="t@acme.example"))
