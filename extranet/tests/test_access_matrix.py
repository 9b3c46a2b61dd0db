"""Every URL the site serves, for every kind of visitor: what each one gets.

The matrix is exhaustive by construction: every URL pattern of the project must
have a row, so a new view fails this module until someone decides who may see it.
Outcomes: "ok" (200), "login" (302 to the front-end login), "admin-login" (302 to
the admin login), "404", "410", "redirect" (any other 302), or a status code.
"""

import uuid

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from wagtail.documents import get_document_model

import pytest

from clients.models import ProjectReportsPage, ServicesPage
from conftest import login
from home.models import HomePage, SharedPage

ROLES = ("anonymous", "same_client", "other_client", "inactive", "editor", "superuser")

#: Include prefixes checked through sample URLs instead of pattern by pattern:
#: Wagtail's admin has hundreds of views behind one access check of its own.
OPAQUE = {"admin/"}

PAGE_PASSWORD_VIEW = (
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/"
)
WEBHOOK_REFUSED = 400
ANY = "any"  # an outcome that depends on nothing private (e.g. static pages)


def walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route in OPAQUE:
                yield route
            else:
                yield from walk(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


def outcomes(*per_role):
    """Name the expected outcome of each role, in the order of ``ROLES``."""
    return dict(zip(ROLES, per_role, strict=True))


def restriction_of(acme):
    return acme.collection.view_restrictions.get().pk


def acme_ticket(acme):
    from clients.services import add_client_user
    from support.services import open_ticket

    requester = add_client_user(
        client=acme, email="pide@acme.example", first_name="Pide", last_name="Ticket"
    )
    membership = requester.client_membership
    ticket, _created = open_ticket(
        membership=membership,
        severity="S3",
        description="Acme: la impresora no imprime.",
        idempotency_key=uuid.uuid4(),
    )
    return ticket


def acme_document(acme):
    document = get_document_model()(title="Contrato", collection=acme.collection)
    document.file.save("contrato.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    return document


def build_matrix(acme):
    """Return {pattern: [(label, method, url, data, outcomes)]} for the whole site."""
    home = HomePage.objects.get()
    shared = SharedPage(title="Soporte", slug="soporte", body="<p>x</p>")
    home.add_child(instance=shared)
    services = ServicesPage.objects.child_of(acme.page).get()
    reports = ProjectReportsPage.objects.child_of(acme.page).get()
    document = acme_document(acme)
    ticket = acme_ticket(acme)
    private = outcomes("login", "ok", "404", "login", "404", "ok")
    everyone = outcomes("login", "ok", "ok", "login", "ok", "ok")
    client_only = outcomes("login", "ok", "ok", "login", "404", "404")
    admin = outcomes(
        "admin-login", "admin-login", "admin-login", "admin-login", "ok", "ok"
    )
    open_page = outcomes("ok", "ok", "ok", "ok", "ok", "ok")
    logged_in_go_home = outcomes(
        "ok", "redirect", "redirect", "ok", "redirect", "redirect"
    )
    bad_token = outcomes(410, 410, 410, 410, 410, 410)
    unused = outcomes("login", "404", "404", "login", "404", "404")
    client_tickets = outcomes("login", "ok", "ok", "login", 403, 403)
    own_ticket = outcomes("login", "ok", "404", "login", "404", "404")

    return {
        "admin/": [
            ("admin home", "get", "/admin/", None, admin),
            ("admin clients", "get", "/admin/clients/client/", None, admin),
            ("admin pages", "get", f"/admin/pages/{acme.page.pk}/", None, admin),
            ("admin documents", "get", "/admin/documents/", None, admin),
        ],
        "documents/<int:document_id>/<str:document_filename>": [
            ("private document", "get", document.url, None, private),
        ],
        "documents/authenticate_with_password/<int:restriction_id>/": [
            (
                "document password form",
                "get",
                f"/documents/authenticate_with_password/{restriction_of(acme)}/",
                None,
                unused,
            ),
        ],
        "documents/^(\\d+)/(.*)$": [
            (
                "document, nested file name",
                "get",
                f"/documents/{document.pk}/x/{document.filename}",
                None,
                outcomes("login", *["404"] * 2, "login", "404", "404"),
            ),
        ],
        PAGE_PASSWORD_VIEW: [
            (
                "page password form",
                "get",
                f"/_util/authenticate_with_password/1/{acme.page.pk}/",
                None,
                unused,
            ),
        ],
        "_util/login/": [
            ("Wagtail's login", "get", "/_util/login/", None, outcomes(*["login"] * 6))
        ],
        "marca.css": [("brand stylesheet", "get", "/marca.css", None, open_page)],
        "buscar/": [("search", "get", "/buscar/?q=Contrato", None, everyone)],
        "idioma/": [
            (
                "language switch",
                "post",
                "/idioma/",
                {"language": "en", "next": "/"},
                outcomes(*["redirect"] * 6),
            )
        ],
        "ingresar/": [("login page", "get", "/ingresar/", None, logged_in_go_home)],
        "salir/": [("logout", "post", "/salir/", {}, outcomes(*["login"] * 6))],
        "cuenta/contrasena/": [
            (
                "password change",
                "get",
                "/cuenta/contrasena/",
                None,
                outcomes("login", "ok", "ok", "login", "ok", "ok"),
            )
        ],
        "contrasena/olvidada/": [
            ("reset form", "get", "/contrasena/olvidada/", None, open_page)
        ],
        "contrasena/enviada/": [
            ("reset sent", "get", "/contrasena/enviada/", None, open_page)
        ],
        "contrasena/nueva/<uidb64>/<token>/": [
            (
                "reset link, bad token",
                "get",
                "/contrasena/nueva/MQ/bad-token/",
                None,
                open_page,
            )
        ],
        "contrasena/lista/": [
            ("reset complete", "get", "/contrasena/lista/", None, open_page)
        ],
        "invitacion/<uidb64>/<token>/": [
            (
                "invitation, bad token",
                "get",
                "/invitacion/MQ/bad-token/",
                None,
                bad_token,
            )
        ],
        "tickets/": [("my tickets", "get", "/tickets/", None, client_tickets)],
        "tickets/nuevo/": [
            ("ticket form", "get", "/tickets/nuevo/", None, client_tickets)
        ],
        "^tickets/(?P<number>NV-\\d{6,})/$": [
            ("ticket page", "get", f"/tickets/{ticket.number}/", None, own_ticket),
            ("missing ticket", "get", "/tickets/NV-999999/", None, unused),
        ],
        "^tickets/(?P<number>NV-\\d{6,})/confirmacion/$": [
            (
                "ticket confirmation",
                "get",
                f"/tickets/{ticket.number}/confirmacion/",
                None,
                own_ticket,
            )
        ],
        "anymail/postmark/tracking/": [
            (
                "tracking webhook without its secret",
                "post",
                "/anymail/postmark/tracking/",
                {},
                outcomes(*[WEBHOOK_REFUSED] * 6),
            )
        ],
        "mi-empresa/": [("my company", "get", "/mi-empresa/", None, client_only)],
        "mi-empresa/contactos/": [
            ("contacts form", "get", "/mi-empresa/contactos/", None, client_only)
        ],
        "^((?:[\\w\\-]+/)*)$": [
            ("home page", "get", "/", None, everyone),
            ("shared page", "get", shared.url, None, everyone),
            (
                "client index",
                "get",
                acme.page.get_parent().url,
                None,
                outcomes("login", "404", "404", "login", "404", "404"),
            ),
            ("client area", "get", acme.page.url, None, private),
            ("services page", "get", services.url, None, private),
            ("reports page", "get", reports.url, None, private),
            ("missing page", "get", "/no-existe/", None, unused),
        ],
    }


def visitor(role, users):
    """Return a test client logged in as ``role``."""
    browser = Client()
    if role == "anonymous":
        return browser

    if role == "inactive":
        # A session opened while the user was active, then the user deactivated.
        user = users["inactive"]
        user.is_active = True
        user.save(update_fields=["is_active"])
        browser.force_login(user)
        user.is_active = False
        user.save(update_fields=["is_active"])
        return browser

    login(browser, users[role])
    return browser


def outcome_of(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/ingresar/"):
            return "login"
        if location.startswith("/admin/login/"):
            return "admin-login"
        return "redirect"
    if response.status_code == 200:
        return "ok"
    if response.status_code == 404:
        return "404"
    return response.status_code


def test_every_url_pattern_has_a_row(acme):
    matrix = build_matrix(acme)

    missing = sorted(set(walk(get_resolver())) - set(matrix))

    assert missing == [], f"URL patterns with no row in the access matrix: {missing}"


@pytest.fixture
def users(acme, globex, make_user, editor, superuser):
    return {
        "same_client": make_user(acme),
        "other_client": make_user(globex),
        "inactive": make_user(acme),
        "editor": editor,
        "superuser": superuser,
    }


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(role, acme, users, capsys):
    matrix = build_matrix(acme)
    leaks = []
    checked = 0

    for rows in matrix.values():
        for label, method, url, data, expected in rows:
            browser = visitor(role, users)
            response = getattr(browser, method)(url, data or {})
            got = outcome_of(response)
            checked += 1
            if expected[role] != ANY and got != expected[role]:
                leaks.append(f"{label} ({url}): expected {expected[role]}, got {got}")
            if role == "other_client" and got == "ok":
                body = response.content.decode(errors="replace")
                if "Acme" in body:
                    leaks.append(f"{label} ({url}): names the other client")

    with capsys.disabled():
        print(f"\naccess matrix, {role}: {checked} URLs checked, {len(leaks)} leaks")
    assert leaks == []
