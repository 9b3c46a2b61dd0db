"""A client's whole journey in a real browser: from the invitation to «Mis tickets».

Every page is checked with axe-core (WCAG 2.2 AA), fitted to 360 px at mobile width,
and photographed at each step into test-artifacts/screenshots/.
"""

import re

from django.core import mail
from django.urls import reverse

import pytest
from playwright.sync_api import expect

from clients.services import add_client_user
from support.models import Ticket

from .conftest import ARTIFACTS
from .helpers import (
    accessibility_violations,
    fits_the_width,
    focus_is_visible,
    log_in,
    publish_services_document,
    wire_size,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NEW_PASSWORD = "una-clave-bien-larga-2026"
HOME_BUDGET_KB = 60


@pytest.fixture
def check(page, snap, viewport_name):
    """Check the page in view: no axe violation, no horizontal scroll; photograph it."""

    def run(step: str) -> None:
        violations = accessibility_violations(page)
        assert not violations, f"{step}:\n{violations}"
        if viewport_name == "mobile":
            assert fits_the_width(page), f"{step} scrolls sideways at 360 px"
        snap(step)

    return run


def test_invited_user_sets_up_the_account_and_opens_a_ticket(
    page,
    browser,
    browser_context_args,
    live_server,
    make_client,
    executive,
    superuser,
    globex_user,
    check,
    viewport_name,
):
    company = make_client(
        "Initech S.A.", account_executive=executive, with_contacts=False
    )
    publish_services_document(company)

    page.goto(f"{live_server.url}/")
    assert "/ingresar/" in page.url
    check("login")
    page.get_by_role("link", name="¿Olvidaste tu contraseña?").click()
    assert page.get_by_role("heading", level=1).is_visible()
    check("password-reset")
    page.get_by_label("Correo electrónico").fill("nadie@initech.example")
    page.get_by_role("button", name="Enviar el enlace").click()
    page.wait_for_url("**/contrasena/enviada/")
    check("password-reset-sent")

    # Staff invite the user: the e-mail carries the link.
    add_client_user(
        client=company,
        email="carla@initech.example",
        first_name="Carla",
        last_name="Pérez",
        invite=True,
        added_by=superuser,
    )
    link = re.search(r"https?://\S+(/invitacion/\S+/)", mail.outbox[-1].body)
    page.goto(live_server.url + link.group(1))
    assert page.get_by_role("heading", name="Bienvenidos, Carla").is_visible()
    check("invitation")
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Guardar la contraseña e ingresar").click()

    # The first login asks for the company's contacts; a third row is added.
    page.wait_for_url("**/mi-empresa/contactos/**")
    check("contacts")
    page.get_by_role("button", name="Agregar otro contacto técnico").click()
    assert page.evaluate("document.activeElement.name") == "technical_3_name"
    for name, value in {
        "admin_name": "Marta Administración",
        "admin_email": "administracion@initech.example",
        "technical_1_name": "Tomás Uno",
        "technical_1_email": "tomas@initech.example",
        "technical_2_name": "Tina Dos",
        "technical_3_name": "Teo Tres",
        "technical_3_email": "teo@initech.example",
    }.items():
        page.locator(f"[name={name}]").fill(value)
    check("contacts-filled")
    page.get_by_role("button", name="Guardar los contactos").click()
    page.wait_for_url(f"{live_server.url}/")
    assert company.contacts.filter(name="Teo Tres").exists()
    assert page.get_by_role("heading", name=re.compile("Initech S.A.")).is_visible()
    check("home")

    page.get_by_role("link", name="Servicios").first.click()
    assert page.get_by_role("heading", name="Servicios", level=1).is_visible()
    check("services")
    document = page.get_by_role("link", name="Alcance Initech S.A.")
    download = page.request.get(live_server.url + document.get_attribute("href"))
    assert download.status == 200
    assert download.body().startswith(b"%PDF")

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Abrir un ticket").first.click()
    check("ticket-form")
    page.get_by_label("Motivo").fill("La VPN de la sucursal no levanta desde las 9.")
    page.get_by_role("radio", name=re.compile("^S2")).check()
    page.get_by_role("button", name="Enviar el ticket").click()

    page.wait_for_url("**/confirmacion/")
    ticket = Ticket.objects.get(client=company)
    dialog = page.get_by_role("dialog")
    assert dialog.get_by_text("Ticket correctamente procesado").is_visible()
    assert dialog.get_by_text(ticket.number).is_visible()
    check("confirmation-dialog")
    dialog.get_by_role("button", name="Aceptar").click()
    assert page.get_by_role("heading", name=f"Ticket {ticket.number}").is_visible()
    check("confirmation-page")

    page.get_by_role("link", name="Mis tickets").first.click()
    assert page.get_by_role("link", name=ticket.number).is_visible()
    check("my-tickets")

    # A user of another client reaches none of it.
    other = browser.new_context(**browser_context_args)
    intruder = other.new_page()
    log_in(intruder, live_server, globex_user.email)
    confirmation = reverse("support:ticket_confirmation", args=[ticket.number])
    for path in (ticket.get_absolute_url(), confirmation):
        response = intruder.goto(live_server.url + path)
        assert response.status == 404, path
        assert ticket.number not in intruder.content(), path
        assert "Initech" not in intruder.content(), path
    intruder.goto(f"{live_server.url}/tickets/")
    assert ticket.number not in intruder.content()
    intruder.screenshot(
        path=ARTIFACTS / f"other-client-tickets--{viewport_name}.png", full_page=True
    )
    other.close()


def press_tab_until(page, description: str, is_target: str, limit: int = 40) -> None:
    """Press Tab until ``is_target`` (JS, of ``el``) holds; focus shows at each stop."""
    for _step in range(limit):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), page.evaluate(
            "document.activeElement.outerHTML.slice(0, 120)"
        )
        if page.evaluate(f"(el => {is_target})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {description}")


@pytest.mark.parametrize("viewport_name", ["desktop"])
def test_ticket_flow_works_with_the_keyboard_alone(page, live_server, acme_user, snap):
    log_in(page, live_server, acme_user.email)

    press_tab_until(
        page, "«Abrir un ticket»", "el.textContent.trim() === 'Abrir un ticket'"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/tickets/nuevo/")

    press_tab_until(page, "the description", "el.name === 'description'")
    page.keyboard.type("No imprime la impresora del tercer piso.")
    press_tab_until(page, "a severity", "el.type === 'radio'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    snap("keyboard-form")
    press_tab_until(page, "the submit button", "el.type === 'submit'")
    page.keyboard.press("Enter")

    page.wait_for_url("**/confirmacion/")
    inside_dialog = "document.activeElement.closest('dialog[open]') !== null"
    assert page.evaluate(inside_dialog)
    assert focus_is_visible(page)
    for _step in range(6):
        page.keyboard.press("Tab")
        assert page.evaluate(inside_dialog), "the focus left the dialog"
        assert focus_is_visible(page)
    snap("keyboard-dialog")

    page.keyboard.press("Escape")
    # The dialog's close event, which hands the focus back, is dispatched later.
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.locator("#ticket-title")).to_be_focused()
    assert focus_is_visible(page)
    assert Ticket.objects.get().severity == "S2"
    snap("keyboard-closed")


@pytest.mark.parametrize("viewport_name", ["desktop"])
def test_home_weighs_under_the_budget_over_the_wire(
    page, live_server, acme_user, site_content, capsys
):
    log_in(page, live_server, acme_user.email)
    responses = []
    page.on("response", lambda response: responses.append(response))

    page.goto(f"{live_server.url}/", wait_until="networkidle")

    bodies = [response.body() for response in responses]
    kb = wire_size(bodies) / 1024
    with capsys.disabled():
        print(f"\nhome: {kb:.1f} KB over the wire ({len(bodies)} responses)")
    assert len(bodies) >= 3
    assert kb < HOME_BUDGET_KB
