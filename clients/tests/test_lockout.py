import datetime

import time_machine

from conftest import PASSWORD

LOCKED = "Demasiados intentos fallidos"


def attempt(client, door, username, password="mala-clave", ip="203.0.113.10"):
    return client.post(
        door, {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_five_failures_lock_the_account_on_the_front_door(client, acme_user):
    for _ in range(4):
        assert attempt(client, "/ingresar/", acme_user.email).status_code == 200

    fifth = attempt(client, "/ingresar/", acme_user.email)
    with_right_password = attempt(client, "/ingresar/", acme_user.email, PASSWORD)

    assert fifth.status_code == 429
    assert with_right_password.status_code == 429
    page = with_right_password.content.decode()
    assert LOCKED in page and "15 minutos" in page
    assert client.get("/").status_code == 302  # not logged in


def test_the_admin_door_locks_too(client, editor):
    for _ in range(5):
        attempt(client, "/admin/login/", editor.email)

    response = attempt(client, "/admin/login/", editor.email, PASSWORD)

    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_failures_on_both_doors_add_up_and_ignore_case(client, acme_user):
    for _ in range(3):
        attempt(client, "/ingresar/", acme_user.email)
    for _ in range(2):
        attempt(client, "/admin/login/", acme_user.email.upper())

    response = attempt(client, "/ingresar/", acme_user.email, PASSWORD)

    assert response.status_code == 429


def test_an_account_locks_whatever_the_address(client, acme_user):
    for number in range(5):
        attempt(client, "/ingresar/", acme_user.email, ip=f"198.51.100.{number}")

    response = attempt(
        client, "/ingresar/", acme_user.email, PASSWORD, ip="192.0.2.200"
    )

    assert response.status_code == 429


def test_an_address_locks_whatever_the_account(client, acme_user):
    for number in range(5):
        attempt(client, "/ingresar/", f"probando{number}@example.com")

    other_account = attempt(client, "/ingresar/", acme_user.email, PASSWORD)
    other_address = attempt(
        client, "/ingresar/", acme_user.email, PASSWORD, ip="192.0.2.7"
    )

    assert other_account.status_code == 429
    assert other_address.status_code == 302


def test_the_lockout_ends_after_the_cool_off(client, acme_user):
    start = datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            attempt(client, "/ingresar/", acme_user.email)
    with time_machine.travel(start + datetime.timedelta(minutes=10), tick=False):
        still = attempt(client, "/ingresar/", acme_user.email, PASSWORD)

    with time_machine.travel(start + datetime.timedelta(minutes=26), tick=False):
        later = attempt(client, "/ingresar/", acme_user.email, PASSWORD)

    assert still.status_code == 429
    assert later.status_code == 302


def test_four_failures_then_a_success_do_not_lock(client, acme_user):
    for _ in range(4):
        attempt(client, "/ingresar/", acme_user.email)

    assert attempt(client, "/ingresar/", acme_user.email, PASSWORD).status_code == 302
