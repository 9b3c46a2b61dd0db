"""Steps shared by the browser tests."""

from axe_playwright_python.sync_playwright import Axe

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
