from clients.models import ServicesPage, TemporaryPassword, password_fingerprint
from clients.services import add_client_user
from clients.tests.test_access import make_document

TEMPORARY = "provisoria-de-prueba-9341"
CHOSEN = "la-clave-que-elegi-2026"


def make_temporary_user(company, email="tomas@acme.example"):
    return add_client_user(
        client=company,
        email=email,
        first_name="Tomás",
        last_name="Temporal",
        password=TEMPORARY,
        password_is_temporary=True,
    )


def change(client, old=TEMPORARY, new=CHOSEN, next_url=""):
    return client.post(
        "/cuenta/contrasena/",
        {
            "old_password": old,
            "new_password1": new,
            "new_password2": new,
            "next": next_url,
        },
    )


def test_front_door_login_with_a_temporary_password_allows_only_the_change(
    client, acme
):
    user = make_temporary_user(acme)
    document = make_document(acme)
    services = ServicesPage.objects.child_of(acme.page).get()

    login = client.post("/ingresar/", {"username": user.email, "password": TEMPORARY})

    assert login.status_code == 302
    for url in ["/", services.url, "/mi-empresa/", document.url, "/admin/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/cuenta/contrasena/"), url
    page = client.get("/cuenta/contrasena/").content.decode()
    assert "Tu contraseña es temporal" in page


def test_admin_door_login_with_a_temporary_password_allows_only_the_change(
    client, acme
):
    user = make_temporary_user(acme)

    login = client.post(
        "/admin/login/", {"username": user.email, "password": TEMPORARY}
    )

    assert login.status_code == 302
    response = client.get(login["Location"])
    assert response["Location"].startswith("/cuenta/contrasena/")
    assert client.get("/")["Location"].startswith("/cuenta/contrasena/")


def test_staff_with_a_temporary_password_changes_it_before_the_admin(client, editor):
    TemporaryPassword.objects.create(
        user=editor, fingerprint=password_fingerprint(editor)
    )

    client.post(
        "/admin/login/", {"username": editor.email, "password": "a-long-test-password"}
    )
    blocked = client.get("/admin/")
    changed = change(client, old="a-long-test-password", next_url="/admin/")

    assert blocked["Location"] == "/cuenta/contrasena/?next=%2Fadmin%2F"
    assert changed["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_logout_stays_open_while_the_password_is_temporary(client, acme):
    user = make_temporary_user(acme)
    client.post("/ingresar/", {"username": user.email, "password": TEMPORARY})

    response = client.post("/salir/")

    assert response.status_code == 302
    assert client.get("/")["Location"].startswith("/ingresar/")


def test_the_requirement_clears_only_after_a_successful_change(client, acme):
    user = make_temporary_user(acme)
    client.post("/ingresar/", {"username": user.email, "password": TEMPORARY})

    wrong_old = change(client, old="no-es-la-clave")
    weak = change(client, new="corta")

    assert wrong_old.status_code == 200 and weak.status_code == 200
    assert client.get("/")["Location"].startswith("/cuenta/contrasena/")
    assert TemporaryPassword.objects.filter(user=user).exists()

    done = change(client)

    assert done.status_code == 302
    assert client.get("/").status_code == 200
    assert not TemporaryPassword.objects.filter(user=user).exists()


def test_a_new_session_after_the_change_is_not_asked_again(client, acme):
    user = make_temporary_user(acme)
    client.post("/ingresar/", {"username": user.email, "password": TEMPORARY})
    change(client)
    client.post("/salir/")

    client.post("/ingresar/", {"username": user.email, "password": CHOSEN})

    assert client.get("/").status_code == 200


def test_a_password_changed_elsewhere_ends_the_requirement(client, acme):
    user = make_temporary_user(acme)
    user.set_password(CHOSEN)  # e.g. through Wagtail's own reset of the admin
    user.save()

    client.post("/ingresar/", {"username": user.email, "password": CHOSEN})

    assert client.get("/").status_code == 200


def test_a_user_without_temporary_password_is_not_stopped(client, acme, acme_user):
    from conftest import login

    login(client, acme_user)

    assert client.get("/").status_code == 200
