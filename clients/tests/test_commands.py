from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

import pytest

from clients.models import Client, ProjectReportsPage


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_create_client_prints_what_it_created(executive):
    out = run(
        "create_client",
        "--name",
        "Initech S.A.",
        "--project-reports",
        "--executive-email",
        "LAURA@nextvision.com",
    )

    client = Client.objects.get(slug="initech-sa")
    assert client.account_executive == executive
    assert ProjectReportsPage.objects.child_of(client.page).exists()
    assert "Initech S.A." in out and "initech-sa" in out and "project reports" in out


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--name", "   "], "no puede estar vacío"),
        (["--name", "Acme S.A."], "Ya existe un cliente"),
        (["--name", "Nuevo", "--executive-email", "x@y.z"], "No hay un ejecutivo"),
    ],
)
def test_create_client_refuses_bad_input_and_changes_nothing(acme, args, message):
    before = Client.objects.count()

    with pytest.raises(CommandError, match=message):
        run("create_client", *args)

    assert Client.objects.count() == before


def test_create_client_dry_run_saves_nothing(db):
    out = run("create_client", "--name", "Hooli", "--dry-run")

    assert "Dry run" in out
    assert not Client.objects.exists()


def test_add_client_user_prints_the_user(acme):
    out = run(
        "add_client_user",
        "--client",
        "acme-sa",
        "--email",
        "Carla@Acme.example",
        "--first-name",
        "Carla",
        "--last-name",
        "Suárez",
        "--password",
        "una-clave-temporal-larga",
    )

    user = get_user_model().objects.get(email="carla@acme.example")
    assert user.client_membership.client == acme
    assert user.check_password("una-clave-temporal-larga")
    assert "carla@acme.example" in out and "Acme S.A." in out


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"--client": "nadie"}, "No hay un cliente"),
        ({"--email": "ANA@acme.example"}, "Ya existe un usuario"),
        ({"--email": "sin-arroba"}, "correo electrónico válido"),
        ({"--first-name": " "}, "obligatorios"),
        ({"--password": "corta"}, "demasiado corta"),
    ],
)
def test_add_client_user_refuses_bad_input_and_changes_nothing(
    acme_user, overrides, message
):
    options = {
        "--client": "acme-sa",
        "--email": "nuevo@acme.example",
        "--first-name": "Nuevo",
        "--last-name": "Usuario",
        **overrides,
    }
    before = get_user_model().objects.count()

    with pytest.raises(CommandError, match=message):
        run("add_client_user", *[part for pair in options.items() for part in pair])

    assert get_user_model().objects.count() == before


def test_user_without_password_cannot_log_in_yet(acme, client):
    run(
        "add_client_user",
        "--client",
        "acme-sa",
        "--email",
        "sinclave@acme.example",
        "--first-name",
        "Sin",
        "--last-name",
        "Clave",
    )

    user = get_user_model().objects.get(email="sinclave@acme.example")
    assert not user.has_usable_password()
