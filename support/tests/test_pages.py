import datetime
import re
import uuid

from django.utils import timezone

import pytest

from conftest import login
from support.models import Ticket
from support.tests.conftest import ticket_form_data


def ticket_urls(ticket):
    return [f"/tickets/{ticket.number}/", f"/tickets/{ticket.number}/confirmacion/"]


@pytest.fixture
def acme_ticket(open_ticket_as, acme_user, client):
    ticket = open_ticket_as(acme_user, severity="S1", description="Se cayó el ERP.")
    client.logout()
    return ticket


def test_confirmation_says_ticket_correctamente_procesado_with_the_number(
    client, acme_user
):
    login(client, acme_user)

    response = client.post(
        "/tickets/nuevo/", ticket_form_data(severity="S1"), follow=True
    )

    page = response.content.decode()
    ticket = Ticket.objects.get()
    assert response.redirect_chain == [(f"/tickets/{ticket.number}/confirmacion/", 302)]
    assert "Ticket correctamente procesado" in page
    assert f"El número de tu ticket es <strong>{ticket.number}</strong>." in page
    assert "Tiempo de respuesta para S1: 30 minutos." in page
    assert "Vas a recibir una copia de tu ticket en ana@acme.example." in page


def test_confirmation_is_a_dialog_open_on_the_page_with_no_inline_script(
    client, acme_user, acme_ticket
):
    login(client, acme_user)

    page = client.get(ticket_urls(acme_ticket)[1]).content.decode()

    assert re.search(r"<dialog [^>]*\bopen\b[^>]*data-confirmation", page)
    assert '<form method="dialog"' in page
    assert 'data-return-focus="ticket-title"' in page and 'id="ticket-title"' in page
    assert '<script src="/static/js/ticket-confirmation.js" defer></script>' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert "style=" not in page


def test_ticket_page_shows_what_was_sent_without_the_dialog(
    client, acme_user, acme_ticket
):
    login(client, acme_user)

    page = client.get(ticket_urls(acme_ticket)[0]).content.decode()

    assert acme_ticket.number in page
    assert "S1: Sistema caído" in page
    assert "Se cayó el ERP." in page
    assert "Pendiente" in page
    assert "<dialog" not in page


def test_a_colleague_of_the_same_company_sees_the_ticket(
    client, acme, acme_ticket, make_user
):
    colleague = make_user(acme, email="carla@acme.example")
    login(client, colleague)

    for url in ticket_urls(acme_ticket):
        assert client.get(url).status_code == 200, url
    assert acme_ticket.number in client.get("/tickets/").content.decode()


def test_another_clients_user_gets_404_on_every_ticket_page(
    client, acme_ticket, globex_user
):
    login(client, globex_user)

    for url in ticket_urls(acme_ticket):
        response = client.get(url)
        assert response.status_code == 404, url
        assert acme_ticket.number not in response.content.decode()
        assert "Acme" not in response.content.decode()
    assert acme_ticket.number not in client.get("/tickets/").content.decode()


def test_anonymous_visitors_are_sent_to_log_in_from_every_ticket_page(
    client, acme_ticket
):
    for url in ["/tickets/", *ticket_urls(acme_ticket)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"/ingresar/?next={url}", url


def test_staff_see_tickets_in_the_admin_not_on_the_front_end(
    client, acme_ticket, editor, superuser
):
    for user in (editor, superuser):
        client.force_login(user)
        for url in ticket_urls(acme_ticket):
            assert client.get(url).status_code == 404, url
        listing = client.get("/tickets/")
        assert listing.status_code == 403
        assert "/admin/support/ticket/" in listing.content.decode()


def test_unknown_ticket_numbers_are_404(client, acme_user):
    login(client, acme_user)

    assert client.get("/tickets/NV-999999/").status_code == 404
    assert client.get("/tickets/NV-1/").status_code == 404


def make_tickets(user, count, start=None):
    membership = user.client_membership
    start = start or timezone.now() - datetime.timedelta(days=count)
    tickets = []
    for index in range(count):
        ticket = Ticket.objects.create(
            idempotency_key=uuid.uuid4(),
            client=membership.client,
            requester=user,
            company_name=membership.client.name,
            requester_name=user.get_full_name(),
            requester_email=user.email,
            severity="S3",
            description=f"Consulta {index}",
            created_at=start + datetime.timedelta(hours=index),
        )
        ticket.number = f"NV-{ticket.pk:06d}"
        ticket.save(update_fields=["number"])
        tickets.append(ticket)
    return tickets


def test_my_tickets_lists_the_company_tickets_newest_first(
    client, acme_user, globex_user
):
    acme_tickets = make_tickets(acme_user, 3)
    globex_tickets = make_tickets(globex_user, 2)
    login(client, acme_user)

    page = client.get("/tickets/").content.decode()

    positions = [page.index(ticket.number) for ticket in reversed(acme_tickets)]
    assert positions == sorted(positions)
    for ticket in globex_tickets:
        assert ticket.number not in page
    assert "Globex" not in page
    for heading in ("Número", "Fecha", "Severidad", "Persona", "Estado"):
        assert f'<th scope="col">{heading}</th>' in page
    assert acme_user.get_full_name() in page
    assert f'href="/tickets/{acme_tickets[0].number}/"' in page


def test_my_tickets_is_paginated(client, acme_user):
    tickets = make_tickets(acme_user, 25)
    login(client, acme_user)

    first = client.get("/tickets/").content.decode()
    second = client.get("/tickets/?page=2").content.decode()

    assert tickets[-1].number in first and tickets[5].number in first
    assert tickets[4].number not in first
    assert tickets[4].number in second and tickets[0].number in second
    assert "Página 1 de 2" in first
    assert 'href="?page=2"' in first


def test_my_tickets_says_when_there_are_none(client, acme_user):
    login(client, acme_user)

    page = client.get("/tickets/").content.decode()

    assert "Tu empresa todavía no abrió ningún ticket." in page


def test_home_offers_open_a_ticket_and_my_tickets(client, acme_user):
    login(client, acme_user)

    page = client.get("/").content.decode()

    assert '<a href="/tickets/nuevo/">Abrir un ticket</a>' in page
    assert '<a href="/tickets/">Mis tickets</a>' in page
