import pytest

from clients.models import ClientContact, ServicesPage
from clients.tests.test_access import client_urls, make_document
from conftest import login

COMPLETE = {
    "technical_count": "2",
    "admin_name": "Paula Admin",
    "admin_email": "paula@initech.example",
    "technical_1_name": "Tito Técnico",
    "technical_1_email": "",
    "technical_2_name": "Teresa Técnica",
    "technical_2_email": "teresa@initech.example",
}


@pytest.fixture
def initech(make_client, executive):
    return make_client(
        "Initech S.A.",
        with_contacts=False,
        account_executive=executive,
        has_project_reports=True,
    )


@pytest.fixture
def initech_user(initech, make_user):
    return make_user(initech, email="pedro@initech.example")


def saved(company):
    return list(
        ClientContact.objects.filter(client=company).values_list(
            "kind", "name", "email"
        )
    )


def test_every_client_url_leads_to_the_contacts_form_until_complete(
    client, initech, initech_user
):
    document = make_document(initech)
    login(client, initech_user)

    for url in ["/", *client_urls(initech), "/mi-empresa/", document.url, "/soporte/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/mi-empresa/contactos/"), url

    form = client.get("/mi-empresa/contactos/").content.decode()
    assert "Antes de empezar" in form
    assert "Nombre y apellido de contacto administrativo" in form
    assert "Agregar otro contacto técnico" in form


def test_completing_the_contacts_goes_on_to_the_page_asked_for(
    client, initech, initech_user
):
    services = ServicesPage.objects.child_of(initech.page).get()
    login(client, initech_user)
    first = client.get(services.url)["Location"]

    response = client.post(first, {**COMPLETE, "next": services.url})

    assert response.status_code == 302 and response["Location"] == services.url
    assert client.get(services.url).status_code == 200
    assert client.get("/").status_code == 200
    assert saved(initech) == [
        ("administrative", "Paula Admin", "paula@initech.example"),
        ("technical", "Tito Técnico", ""),
        ("technical", "Teresa Técnica", "teresa@initech.example"),
    ]


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("admin_name", "Ingresá el nombre y apellido del contacto administrativo."),
        ("admin_email", "Ingresá el correo electrónico del contacto administrativo."),
        (
            "technical_1_name",
            "El contacto técnico 1 es obligatorio: ingresá su nombre y apellido.",
        ),
        (
            "technical_2_name",
            "El contacto técnico 2 es obligatorio: ingresá su nombre y apellido.",
        ),
    ],
)
def test_each_required_field_missing_gives_its_message_and_keeps_the_rest(
    client, initech, initech_user, field, message
):
    login(client, initech_user)

    response = client.post("/mi-empresa/contactos/", {**COMPLETE, field: ""})

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    for other, value in COMPLETE.items():
        if other != field and value and other != "technical_count":
            assert f'value="{value}"' in page, other
    assert saved(initech) == []


def test_an_invalid_email_is_refused_in_spanish(client, initech, initech_user):
    login(client, initech_user)

    response = client.post(
        "/mi-empresa/contactos/", {**COMPLETE, "technical_1_email": "sin-arroba"}
    )

    assert response.status_code == 200
    assert "válida" in response.content.decode()
    assert 'value="sin-arroba"' in response.content.decode()


def test_add_another_contact_works_without_javascript_and_keeps_what_was_typed(
    client, initech, initech_user
):
    login(client, initech_user)

    response = client.post(
        "/mi-empresa/contactos/", {**COMPLETE, "admin_name": "", "add_contact": "1"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="technical_3_name"' in page
    assert 'name="technical_count" value="3"' in page
    assert 'value="Tito Técnico"' in page
    assert "Ingresá el nombre y apellido" not in page  # no errors on adding a row
    assert saved(initech) == []


def test_extra_technical_contacts_are_saved_in_order(client, initech, initech_user):
    login(client, initech_user)

    client.post(
        "/mi-empresa/contactos/",
        {
            **COMPLETE,
            "technical_count": "5",
            "technical_3_name": "Tercero",
            "technical_4_name": "",
            "technical_4_email": "",
            "technical_5_name": "Quinto",
            "technical_5_email": "QUINTO@initech.example",
        },
    )

    names = [name for kind, name, _email in saved(initech) if kind == "technical"]
    assert names == ["Tito Técnico", "Teresa Técnica", "Tercero", "Quinto"]
    assert saved(initech)[-1][2] == "quinto@initech.example"


def test_an_extra_contact_with_email_but_no_name_is_refused(
    client, initech, initech_user
):
    login(client, initech_user)

    response = client.post(
        "/mi-empresa/contactos/",
        {**COMPLETE, "technical_count": "3", "technical_3_email": "x@initech.example"},
    )

    assert response.status_code == 200
    assert (
        "Ingresá el nombre y apellido del contacto técnico 3."
        in response.content.decode()
    )


def test_removing_a_required_contact_is_refused_with_a_clear_message(
    client, acme, acme_user
):
    before = saved(acme)
    login(client, acme_user)

    response = client.post(
        "/mi-empresa/contactos/",
        {
            "technical_count": "2",
            "admin_name": "Admin Istrativo",
            "admin_email": "administracion@example.com",
            "technical_1_name": "Técnico Uno",
            "technical_2_name": "",
        },
    )

    assert response.status_code == 200
    assert (
        "El contacto técnico 2 es obligatorio: ingresá su nombre y apellido."
        in response.content.decode()
    )
    assert saved(acme) == before


def test_contacts_stay_editable_from_my_company(client, acme, acme_user):
    login(client, acme_user)

    my_company = client.get("/mi-empresa/").content.decode()
    form = client.get("/mi-empresa/contactos/").content.decode()
    response = client.post(
        "/mi-empresa/contactos/?next=/mi-empresa/",
        {**COMPLETE, "admin_name": "Nueva Admin"},
    )

    assert "Admin Istrativo" in my_company and "Técnica Dos" in my_company
    assert "ana@acme.example" in my_company
    assert 'value="Técnico Uno"' in form
    assert response["Location"] == "/mi-empresa/"
    assert saved(acme)[0] == ("administrative", "Nueva Admin", "paula@initech.example")


def test_my_company_shows_only_the_own_company(client, acme, globex, globex_user):
    login(client, globex_user)

    page = client.get("/mi-empresa/").content.decode()
    form = client.get("/mi-empresa/contactos/").content.decode()

    assert "Globex S.R.L." in page and "bruno@globex.example" in page
    assert "Acme" not in page and "ana@acme.example" not in page
    assert "Acme" not in form


def test_company_pages_need_a_login_and_a_client_user(client, editor, superuser):
    for url in ["/mi-empresa/", "/mi-empresa/contactos/"]:
        assert client.get(url)["Location"] == f"/ingresar/?next={url}"

    for staff in (editor, superuser):
        client.force_login(staff)
        for url in ["/mi-empresa/", "/mi-empresa/contactos/"]:
            assert client.get(url).status_code == 404, (staff, url)


def test_header_links_to_my_company_for_client_users(client, acme, acme_user):
    login(client, acme_user)

    assert 'href="/mi-empresa/"' in client.get("/").content.decode()


def test_contacts_form_loads_its_script_and_has_no_inline_script(
    client, initech, initech_user
):
    login(client, initech_user)

    page = client.get("/mi-empresa/contactos/").content.decode()

    assert '<script src="/static/js/contacts.js" defer></script>' in page
    assert "<script>" not in page
    assert 'name="technical___number___name"' in page  # the row the script copies


def test_client_admin_page_shows_the_contacts(client, editor, acme):
    client.force_login(editor)

    page = client.get(f"/admin/clients/client/edit/{acme.pk}/").content.decode()

    assert "Admin Istrativo" in page and "Técnica Dos" in page
