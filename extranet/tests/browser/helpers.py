"""Steps shared by the browser tests."""

import gzip

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from axe_playwright_python.sync_playwright import Axe

from clients.models import ServicesPage
from conftest import PASSWORD

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


def log_in(page, live_server, email, password=PASSWORD):
    page.goto(f"{live_server.url}/ingresar/")
    page.get_by_label("Correo electrónico").fill(email)
    page.get_by_label("Contraseña").fill(password)
    page.get_by_role("button", name="Ingresar").click()
    page.wait_for_load_state()


def accessibility_violations(page) -> str:
    """Run axe-core on the page; return a readable list of WCAG 2.2 AA violations."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    if results.violations_count == 0:
        return ""
    return results.generate_report()


def publish_services_document(company):
    """Publish a services page for ``company`` listing one PDF of its own."""
    document = get_document_model()(
        title=f"Alcance {company.name}", collection=company.collection
    )
    document.file.save("alcance.pdf", ContentFile(b"%PDF-1.4 demo"), save=False)
    document.save()
    services = ServicesPage.objects.child_of(company.page).get()
    services.services = [
        ("service", {"title": "Mesa de ayuda", "text": "", "documents": [document]})
    ]
    services.save_revision().publish()
    return document


def fits_the_width(page) -> bool:
    """Whether the page shows without horizontal scrolling."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


FOCUS_IS_VISIBLE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) { return false; }
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && style.outlineWidth !== "0px";
    return outline || style.boxShadow !== "none";
}"""


def focus_is_visible(page) -> bool:
    """Whether the focused element shows an outline or a ring."""
    return page.evaluate(FOCUS_IS_VISIBLE)


def wire_size(bodies) -> int:
    """Estimate the bytes ``bodies`` take gzip-compressed, as a server sends them."""
    return sum(len(gzip.compress(body, compresslevel=6)) for body in bodies)
