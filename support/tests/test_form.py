import re
import uuid

from wagtail.models import Site

import pytest

from conftest import login
from support.models import Severity, SupportSettings, Ticket
from support.tests.conftest import ticket_form_data

FORM_URL = "/tickets/nuevo/"


def test_form_shows_the_company_and_the_person_as_fixed_values(client, acme_user):
    login(client, acme_user)

    page = client.get(FORM_URL).content.decode()

    assert "Acme S.A." in page
    assert acme_user.get_full_name() in page
    assert "Motivo de apertura / Descripción" in page
    assert 'name="company' not in page and 'name="person' not in page
    assert 'name="client' not in page


def test_form_lists_the_four_severities_with_their_guidance_and_targets(
    client, acme_user
):
    login(client, acme_user)

    page = client.get(FORM_URL).content.decode()

    for label in (
        "S1: Sistema caído",
        "S2: Sistema operacional, pero seriamente afectado",
        "S3: Problema o pregunta",
        "S4: Requerimiento de información",
    ):
        assert label in page
    assert page.count('type="radio" name="severity"') == 4
    assert "El servicio no funciona y no hay alternativa." in page
    for target in (
        "30 minutos",
        "2 horas hábiles",
        "8 horas hábiles",
        "2 días hábiles",
    ):
        assert f"Tiempo de respuesta: {target}." in page


def test_form_shows_the_response_targets_staff_set(client, acme_user):
    support = SupportSettings.for_site(Site.objects.get(is_default_site=True))
    support.s1_response_target = "15 minutos, las 24 horas"
    support.save()
    login(client, acme_user)

    page = client.get(FORM_URL).content.decode()

    assert "Tiempo de respuesta: 15 minutos, las 24 horas." in page


def test_posted_company_and_person_are_ignored(client, acme, acme_user, globex):
    login(client, acme_user)

    response = client.post(
        FORM_URL,
        ticket_form_data(
            company="Globex S.R.L.",
            company_name="Globex S.R.L.",
            client=globex.pk,
            person="Alguien Más",
            requester_name="Alguien Más",
            requester_email="otro@globex.example",
            requester=globex.pk,
        ),
    )

    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.client == acme
    assert ticket.company_name == "Acme S.A."
    assert ticket.requester == acme_user
    assert ticket.requester_name == acme_user.get_full_name()
    assert ticket.requester_email == "ana@acme.example"


@pytest.mark.parametrize("severity", list(Severity.values))
def test_each_severity_is_saved_as_chosen(client, acme_user, severity):
    login(client, acme_user)

    client.post(FORM_URL, ticket_form_data(severity=severity))

    assert Ticket.objects.get().severity == severity


def test_ticket_number_comes_from_its_key(client, acme_user):
    login(client, acme_user)

    response = client.post(FORM_URL, ticket_form_data())

    ticket = Ticket.objects.get()
    assert ticket.number == f"NV-{ticket.pk:06d}"
    assert response["Location"] == f"/tickets/{ticket.number}/confirmacion/"


def test_missing_severity_says_so_in_spanish_and_keeps_the_text(client, acme_user):
    login(client, acme_user)

    response = client.post(
        FORM_URL, ticket_form_data(severity="", description="No imprime la factura.")
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Elegí la severidad: una sola, entre S1, S2, S3 y S4." in page
    assert "No imprime la factura." in page
    assert not Ticket.objects.exists()


def test_unknown_severity_is_refused(client, acme_user):
    login(client, acme_user)

    response = client.post(FORM_URL, ticket_form_data(severity="S9"))

    assert "Elegí una de las cuatro severidades." in response.content.decode()
    assert not Ticket.objects.exists()


def test_empty_description_says_so_in_spanish_and_keeps_the_severity(client, acme_user):
    login(client, acme_user)

    response = client.post(FORM_URL, ticket_form_data(severity="S3", description="  "))

    page = response.content.decode()
    assert "Describí el motivo por el que abrís el ticket." in page
    kept = r'<input type="radio" name="severity" value="S3"[^>]* checked>'
    assert re.search(kept, page)
    assert not Ticket.objects.exists()


def test_description_over_ten_thousand_characters_is_refused_and_kept(
    client, acme_user
):
    login(client, acme_user)
    text = "x" * 10_001

    response = client.post(FORM_URL, ticket_form_data(description=text))

    page = response.content.decode()
    assert "La descripción puede tener hasta 10000 caracteres (tiene 10001)." in page
    assert text in page
    assert not Ticket.objects.exists()


def test_line_breaks_count_as_one_character_as_in_the_browser(client, acme_user):
    login(client, acme_user)
    text = ("x" * 99 + "\r\n") * 100  # 10,000 characters in the browser

    client.post(FORM_URL, ticket_form_data(description=text))

    assert Ticket.objects.get().description == text.replace("\r\n", "\n").strip()


def test_double_submission_opens_one_ticket(client, acme_user):
    login(client, acme_user)
    data = ticket_form_data()

    first = client.post(FORM_URL, data)
    second = client.post(FORM_URL, data)

    assert Ticket.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_form_fixed_after_an_error_keeps_its_key(client, acme_user):
    login(client, acme_user)
    data = ticket_form_data(description="")

    refused = client.post(FORM_URL, data)

    assert f'value="{data["idempotency_key"]}"' in refused.content.decode()


def test_a_form_without_its_key_asks_to_send_it_again(client, acme_user):
    login(client, acme_user)

    response = client.post(FORM_URL, ticket_form_data(idempotency_key="roto"))

    assert "El formulario llegó incompleto. Envialo de nuevo, por favor." in (
        response.content.decode()
    )
    assert not Ticket.objects.exists()


def test_another_users_key_opens_nothing_and_reveals_nothing(
    client, acme_user, globex_user
):
    key = str(uuid.uuid4())
    login(client, globex_user)
    client.post(FORM_URL, ticket_form_data(idempotency_key=key))
    globex_ticket = Ticket.objects.get()
    client.logout()
    login(client, acme_user)

    response = client.post(FORM_URL, ticket_form_data(idempotency_key=key))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Este formulario ya se usó." in page
    assert globex_ticket.number not in page
    assert Ticket.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(FORM_URL)

    assert response.status_code == 302
    assert response["Location"] == f"/ingresar/?next={FORM_URL}"


def test_staff_without_a_company_get_a_clear_page(client, editor):
    client.force_login(editor)

    response = client.get(FORM_URL)
    posted = client.post(FORM_URL, ticket_form_data())

    assert response.status_code == 403
    assert (
        "Los tickets los abren los usuarios de los clientes"
        in response.content.decode()
    )
    assert posted.status_code == 403
    assert not Ticket.objects.exists()
