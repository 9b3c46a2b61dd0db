"""Client forms fed random input: no server error, a message, nothing half saved."""

from django.contrib.auth import get_user_model

from axes.utils import reset as reset_lockout
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clients.accounts import invitation_url
from clients.models import ClientContact
from clients.services import add_client_user
from conftest import login

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
# Any text a browser could send, control characters and NUL included.
text = st.text(st.characters(codec="utf-8"), max_size=300)
maybe_email = st.one_of(text, st.emails().map(str))


@FUZZ
@given(username=maybe_email, password=text)
def test_login_form(client, acme_user, username, password):
    reset_lockout()

    response = client.post("/ingresar/", {"username": username, "password": password})

    assert response.status_code == 200
    assert b'role="alert"' in response.content or b"field__error" in response.content
    assert "_auth_user_id" not in client.session


@FUZZ
@given(password=text, confirmation=text)
def test_invitation_password_form(client, acme, password, confirmation):
    user = add_client_user(
        client=acme,
        email=f"fuzz{get_user_model().objects.count()}@acme.example",
        first_name="Fuzz",
        last_name="Prueba",
    )
    path = invitation_url(user).split("://", 1)[1].split("/", 1)[1]

    response = client.post(
        f"/{path}", {"new_password1": password, "new_password2": confirmation}
    )

    user.refresh_from_db()
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert (
            b"field__error" in response.content or b'role="alert"' in response.content
        )
        assert not user.has_usable_password()
    else:
        assert password == confirmation and user.check_password(password)
        client.logout()


contact_fields = st.fixed_dictionaries(
    {
        "admin_name": text,
        "admin_email": maybe_email,
        "technical_count": st.sampled_from(["2", "3", "-1", "999", "x", ""]),
        "technical_1_name": text,
        "technical_1_email": maybe_email,
        "technical_2_name": text,
        "technical_2_email": maybe_email,
        "technical_3_name": text,
        "technical_3_email": maybe_email,
    }
)


@FUZZ
@given(data=contact_fields)
def test_contacts_form(client, acme, acme_user, data):
    login(client, acme_user)
    before = list(
        ClientContact.objects.filter(client=acme).values_list("kind", "name", "email")
    )

    response = client.post("/mi-empresa/contactos/", data)

    after = list(
        ClientContact.objects.filter(client=acme).values_list("kind", "name", "email")
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert (
            b"field__error" in response.content or b'role="alert"' in response.content
        )
        assert after == before
    else:
        assert after[0][1] == data["admin_name"].strip()
    client.logout()


ticket_fields = st.fixed_dictionaries(
    {
        "severity": st.one_of(
            st.sampled_from(["S1", "S2", "S3", "S4", "S5", ""]), text
        ),
        # Around the 10,000-character limit too: a short text repeated.
        "description": st.one_of(
            text,
            st.builds(
                lambda chunk, size: (chunk or "x") * (size // max(len(chunk), 1)),
                st.text(min_size=1, max_size=5),
                st.integers(9990, 10010),
            ),
        ),
        "idempotency_key": st.one_of(st.uuids().map(str), text),
        "company": text,
        "person": text,
    }
)


@FUZZ
@given(data=ticket_fields)
def test_ticket_form(client, acme, acme_user, data):
    from support.models import Ticket

    login(client, acme_user)
    before = Ticket.objects.count()

    response = client.post("/tickets/nuevo/", data)

    opened = Ticket.objects.count() - before
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert (
            b"field__error" in response.content or b'role="alert"' in response.content
        )
        assert opened == 0
    else:
        ticket = Ticket.objects.get(number=response["Location"].split("/")[2])
        assert ticket.company_name == acme.name
        assert ticket.requester == acme_user
        assert opened in (0, 1)  # 0: the same key sent twice opens one ticket
    client.logout()
