"""Real-browser tests: Debian's Chromium driven by Playwright against a live server.

No test downloads a browser: Chromium is taken from ``CHROMIUM_PATH`` or the PATH,
and every test here is skipped, with one line saying so, where there is none.
"""

import os
import shutil
from pathlib import Path

import pytest

from home.models import HomePage, SharedPage

from .helpers import publish_services_document

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "mobile": {"width": 360, "height": 740},
}

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by
# the tests themselves are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    if os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError("REQUIRE_BROWSER is set but Chromium was not found")
    skip = pytest.mark.skip(reason="Chromium not found (apt-get install chromium)")
    for item in items:
        if "browser" in item.nodeid.split("::")[0]:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(params=sorted(VIEWPORTS))
def viewport_name(request):
    return request.param


@pytest.fixture
def browser_context_args(browser_context_args, viewport_name):
    return {
        **browser_context_args,
        "viewport": VIEWPORTS[viewport_name],
        "locale": "es-AR",
    }


@pytest.fixture
def snap(page, request, viewport_name):
    """Save a full-page screenshot of a step as a test artifact."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    test_name = request.node.originalname

    def take(step: str) -> Path:
        path = ARTIFACTS / f"{test_name}--{step}--{viewport_name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take


@pytest.fixture
def site_content(acme, globex):
    """A support page, and a services page with a document for each client."""
    HomePage.objects.get().add_child(
        instance=SharedPage(
            title="Soporte", slug="soporte", intro="Metodología", body="<p>S1…S4</p>"
        )
    )
    home = HomePage.objects.get()
    home.support_page = SharedPage.objects.get(slug="soporte")
    home.save_revision().publish()
    return {
        company.slug: publish_services_document(company) for company in (acme, globex)
    }
