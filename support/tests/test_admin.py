import datetime

from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
from django_tasks_db.models import DBTaskResult

from conftest import login
from support.models import Ticket
from support.tests.test_pages import make_tickets

LISTING = "/admin/support/ticket/"


@pytest.fixture
def tickets(acme_user, globex_user):
    acme_ticket, old_acme_ticket = make_tickets(acme_user, 2)
    [globex_ticket] = make_tickets(globex_user, 1)
    Ticket.objects.filter(pk=acme_ticket.pk).update(severity="S1")
    Ticket.objects.filter(pk=old_acme_ticket.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    Ticket.objects.filter(pk=globex_ticket.pk).update(status=Ticket.Status.FAILED)
    return {
        "acme": Ticket.objects.get(pk=acme_ticket.pk),
        "old_acme": Ticket.objects.get(pk=old_acme_ticket.pk),
        "globex": Ticket.objects.get(pk=globex_ticket.pk),
    }


def shown(client, query=""):
    page = client.get(LISTING + query).content.decode()
    return page


@pytest.mark.parametrize("staff", ["editor", "superuser"])
def test_staff_list_every_ticket(client, tickets, staff, request):
    client.force_login(request.getfixturevalue(staff))

    page = shown(client)

    assert all(ticket.number in page for ticket in tickets.values())


def test_listing_filters_by_client_severity_state_date_and_attention(
    client, editor, tickets, acme
):
    client.force_login(editor)
    year_ago = timezone.localtime() - datetime.timedelta(days=365)
    year_ago = str(year_ago.replace(microsecond=0)).replace("+", "%2B")

    by_client = shown(client, f"?client={acme.pk}")
    by_severity = shown(client, "?severity__exact=S1")
    by_state = shown(client, "?status__exact=failed")
    by_date = shown(client, f"?created_at__gte={year_ago}")
    needing_attention = shown(client, "?attention=yes")

    assert (
        tickets["acme"].number in by_client
        and tickets["globex"].number not in by_client
    )
    assert tickets["acme"].number in by_severity
    assert tickets["old_acme"].number not in by_severity
    assert (
        tickets["globex"].number in by_state and tickets["acme"].number not in by_state
    )
    assert (
        tickets["old_acme"].number not in by_date and tickets["acme"].number in by_date
    )
    assert tickets["globex"].number in needing_attention
    assert tickets["acme"].number not in needing_attention


@pytest.mark.parametrize(
    "query, found",
    [("globex", "globex"), ("Apellido", "acme"), ("ana@acme", "acme")],
)
def test_listing_searches_by_number_company_and_person(
    client, editor, tickets, query, found
):
    client.force_login(editor)

    by_query = shown(client, f"?q={query}")
    by_number = shown(client, f"?q={tickets['globex'].number}")

    assert tickets[found].number in by_query
    assert tickets["globex"].number in by_number
    assert tickets["acme"].number not in by_number


def test_stalled_tickets_need_attention_too(client, editor, tickets, settings):
    overdue = timezone.now() - datetime.timedelta(
        seconds=settings.SUPPORT_DELIVERY_STALLED_AFTER + 60
    )
    Ticket.objects.filter(pk=tickets["acme"].pk).update(next_attempt_at=overdue)
    client.force_login(editor)

    needing_attention = shown(client, "?attention=yes")

    assert tickets["acme"].number in needing_attention
    assert "pendiente, demorado" in needing_attention
    assert tickets["old_acme"].number not in needing_attention
    assert "está demorado: 2." in client.get("/admin/").content.decode()


def test_failed_tickets_stand_out_in_the_listing(client, editor, tickets):
    client.force_login(editor)

    page = shown(client)

    assert page.count("ticket-state--attention") == 1
    assert "/static/support/admin.css" in page


def test_csv_export_has_the_tickets_but_not_their_descriptions(client, editor, tickets):
    client.force_login(editor)

    response = client.get(LISTING + "?export=csv")

    content = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = content.splitlines()
    assert header.startswith("Número,Abierto el,Empresa,Persona,Correo electrónico,")
    globex_row = next(row for row in rows if tickets["globex"].number in row)
    assert ",Globex S.R.L.," in globex_row and ",fallido," in globex_row
    opened = timezone.localtime(tickets["globex"].created_at)
    assert opened.strftime("%Y-%m-%d %H:%M") in globex_row
    assert "Consulta" not in content


def test_csv_export_defuses_names_that_look_like_formulas(client, editor, tickets):
    Ticket.objects.filter(pk=tickets["acme"].pk).update(
        requester_name='=HYPERLINK("http://evil.example")'
    )
    client.force_login(editor)

    response = client.get(LISTING + "?export=csv")

    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in content


def test_inspect_shows_the_whole_ticket_read_only(client, editor, tickets):
    client.force_login(editor)
    ticket = tickets["globex"]

    page = client.get(f"{LISTING}inspect/{ticket.pk}/").content.decode()

    assert ticket.number in page and "<p>Consulta 0</p>" in page
    assert ticket.requester_email in page
    assert f"{LISTING}resend/{ticket.pk}/" in page
    assert f"{LISTING}edit/{ticket.pk}/" not in page
    assert f"{LISTING}delete/{ticket.pk}/" not in page


@pytest.mark.parametrize("action", ["create/", "edit/{pk}/", "delete/{pk}/"])
def test_nobody_creates_edits_or_deletes_tickets(client, superuser, tickets, action):
    client.force_login(superuser)
    ticket = tickets["acme"]

    response = client.post(LISTING + action.format(pk=ticket.pk), {"description": "x"})

    assert response.status_code in (302, 403)
    assert response.get("Location") != LISTING
    assert Ticket.objects.get(pk=ticket.pk).description == "Consulta 0"
    assert Ticket.objects.count() == 3


def test_editor_resends_a_failed_ticket_and_the_audit_log_says_so(
    client, editor, tickets
):
    client.force_login(editor)
    ticket = tickets["globex"]
    url = f"{LISTING}resend/{ticket.pk}/"

    asked = client.get(url)
    done = client.post(url)

    assert "se va a enviar de nuevo a la casilla de soporte" in asked.content.decode()
    assert done.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.PENDING
    assert ticket.attempts == 0
    assert DBTaskResult.objects.filter(
        args_kwargs__kwargs__ticket_pk=ticket.pk
    ).exists()
    entry = ModelLogEntry.objects.get(action="support.ticket.resend")
    assert entry.user == editor and entry.object_id == str(ticket.pk)


def test_admin_home_warns_about_tickets_needing_attention(client, editor, tickets):
    client.force_login(editor)

    page = client.get("/admin/").content.decode()

    assert "Tickets que requieren atención" in page
    assert "falló, rebotó o está demorado: 1." in page
    assert f"{LISTING}?attention=yes" in page


def test_client_users_cannot_reach_the_ticket_admin(client, acme_user, tickets):
    login(client, acme_user)

    response = client.get(LISTING)

    assert response.status_code in (302, 403)
    assert tickets["globex"].number not in response.content.decode()


def test_editors_may_edit_the_support_settings(client, editor):
    from wagtail.models import Site

    client.force_login(editor)
    site = Site.objects.get(is_default_site=True)

    response = client.get(f"/admin/settings/support/supportsettings/{site.pk}/")

    assert response.status_code == 200
    assert "soporte@nextvision.com" in response.content.decode()
