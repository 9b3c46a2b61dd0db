"""Builders shared by every app's tests: small, explicit, no whole-site fixture."""

import itertools

import pytest

from clients.models import AccountExecutive, ClientContact
from clients.services import add_client_user, open_client

PASSWORD = "a-long-test-password"
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def add_complete_contacts(client):
    """Give ``client`` the contacts the first-login form asks for."""
    kinds = ClientContact.Kind
    contacts = [
        (kinds.ADMINISTRATIVE, "Admin Istrativo", "administracion@example.com"),
        (kinds.TECHNICAL, "Técnico Uno", "tecnico1@example.com"),
        (kinds.TECHNICAL, "Técnica Dos", ""),
    ]
    for order, (kind, name, email) in enumerate(contacts):
        ClientContact.objects.create(
            client=client, kind=kind, name=name, email=email, sort_order=order
        )


@pytest.fixture
def make_client(db):
    """Open a client; its contacts are complete unless ``with_contacts=False``."""

    def make(name=None, with_contacts=True, **kwargs):
        client = open_client(name=name or f"Empresa {next(_numbers)}", **kwargs)
        if with_contacts:
            add_complete_contacts(client)
        return client

    return make


@pytest.fixture
def make_user(db):
    def make(client, email=None, password=PASSWORD, **kwargs):
        number = next(_numbers)
        return add_client_user(
            client=client,
            email=email or f"user{number}@example.com",
            first_name=kwargs.get("first_name", "Nombre"),
            last_name=kwargs.get("last_name", f"Apellido {number}"),
            password=password,
        )

    return make


@pytest.fixture
def executive(db):
    return AccountExecutive.objects.create(
        name="Laura Giménez", phone="+54 11 5555-0101", email="laura@nextvision.com"
    )


@pytest.fixture
def acme(make_client, executive):
    return make_client(
        "Acme S.A.", account_executive=executive, has_project_reports=True
    )


@pytest.fixture
def globex(make_client, executive):
    return make_client("Globex S.R.L.", account_executive=executive)


@pytest.fixture
def acme_user(acme, make_user):
    return make_user(acme, email="ana@acme.example")


@pytest.fixture
def globex_user(globex, make_user):
    return make_user(globex, email="bruno@globex.example")


@pytest.fixture
def editor(db):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username="editor@nextvision.com", email="editor@nextvision.com"
    )
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def superuser(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser(
        username="admin@nextvision.com", email="admin@nextvision.com", password=PASSWORD
    )


def login(client, user):
    """Log ``user`` in through the real front-end login form."""
    response = client.post(
        "/ingresar/", {"username": user.email, "password": PASSWORD}, follow=False
    )
    assert response.status_code == 302, response.content
    return client
