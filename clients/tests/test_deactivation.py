from conftest import PASSWORD, login


def test_deactivating_a_user_ends_their_open_session(client, acme_user):
    login(client, acme_user)
    assert client.get("/").status_code == 200

    acme_user.is_active = False
    acme_user.save()

    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/ingresar/")


def test_deactivating_a_client_ends_the_open_sessions_of_its_users(
    client, acme, acme_user
):
    login(client, acme_user)

    acme.is_active = False
    acme.save()

    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/ingresar/"
    assert "El acceso de tu empresa a la extranet no está activo" in (
        response.content.decode()
    )
    assert client.get("/mi-empresa/").status_code == 302


def test_users_of_a_deactivated_client_cannot_log_in_on_either_door(
    client, acme, acme_user
):
    acme.is_active = False
    acme.save()

    front = client.post(
        "/ingresar/", {"username": acme_user.email, "password": PASSWORD}
    )
    assert front.status_code == 200
    assert "no está activo" in front.content.decode()

    client.post("/admin/login/", {"username": acme_user.email, "password": PASSWORD})
    assert client.get("/")["Location"].startswith("/ingresar/")


def test_no_client_user_reaches_the_admin_through_either_door(client, acme_user):
    login(client, acme_user)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    client.post("/salir/")

    client.post("/admin/login/", {"username": acme_user.email, "password": PASSWORD})
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/clients/client/").status_code == 302
