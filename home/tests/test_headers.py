import datetime

import time_machine

from conftest import login


def test_client_pages_carry_a_strict_policy_and_safe_headers(client, acme_user):
    login(client, acme_user)

    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_client_templates_have_no_inline_script_or_style(client, acme_user):
    login(client, acme_user)

    for url in ["/", "/ingresar/", "/buscar/?q=x"]:
        page = client.get(url).content.decode()
        assert "<script>" not in page and "<script type" not in page, url
        assert "style=" not in page, url
        assert "<style" not in page, url


def test_session_ends_after_eight_idle_hours_and_activity_extends_it(client, acme_user):
    with time_machine.travel("2026-12-01 09:00", tick=False) as clock:
        login(client, acme_user)
        assert client.cookies["sessionid"]["httponly"]
        assert client.cookies["sessionid"]["samesite"] == "Lax"

        clock.shift(datetime.timedelta(hours=7))
        assert client.get("/").status_code == 200

        clock.shift(datetime.timedelta(hours=7))
        assert client.get("/").status_code == 200

        clock.shift(datetime.timedelta(hours=8, minutes=1))
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"].startswith("/ingresar/")


def test_spanish_by_default_even_for_an_english_browser(client, acme_user):
    login(client, acme_user)

    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert "Conocé el detalle de los servicios contratados por tu empresa" in page


def test_the_footer_switches_to_english_and_back(client, acme_user):
    response = client.post("/idioma/", {"language": "en", "next": "/ingresar/"})
    assert response.status_code == 302
    assert "Log in to your extranet" in client.get("/ingresar/").content.decode()

    client.post("/idioma/", {"language": "es-ar", "next": "/ingresar/"})
    assert "Ingresá a tu extranet" in client.get("/ingresar/").content.decode()
