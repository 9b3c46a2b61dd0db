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
