from django.contrib.auth import get_user_model
from django.utils import translation

from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from clients.services import add_client_user, send_invitation
from clients.tests.helpers import link_in, only_message, use_anymail
from clients.tests.test_contacts import COMPLETE
from conftest import login


def entries(action):
    return ModelLogEntry.objects.filter(action=action)


def test_invitation_and_password_are_in_the_audit_log_with_who_and_when(
    client, acme, editor, settings
):
    use_anymail(settings)
    user = add_client_user(
        client=acme, email="c@acme.example", first_name="C", last_name="D"
    )
    send_invitation(user=user, sent_by=editor)
    password = "una-clave-bastante-larga"

    client.post(
        link_in(only_message()), {"new_password1": password, "new_password2": password}
    )

    sent = entries("clients.invitation_sent").get()
    chosen = entries("clients.password_set").get()
    assert (sent.user, sent.object_id) == (editor, str(user.pk))
    assert (chosen.user, chosen.object_id) == (user, str(user.pk))
    assert chosen.data == {"how": "invitation"}
    assert sent.timestamp <= chosen.timestamp


def test_contacts_changed_is_in_the_audit_log(client, acme, acme_user):
    login(client, acme_user)

    client.post("/mi-empresa/contactos/", COMPLETE)
    client.post("/mi-empresa/contactos/", COMPLETE)  # no change: no second entry

    changed = entries("clients.contacts_changed").get()
    assert (changed.user, changed.object_id) == (acme_user, str(acme.pk))


def test_deactivating_a_user_in_wagtails_user_editor_is_logged(
    client, superuser, acme_user
):
    client.force_login(superuser)

    response = client.post(
        f"/admin/users/edit/{acme_user.pk}/",
        {
            "username": acme_user.username,
            "email": acme_user.email,
            "first_name": acme_user.first_name,
            "last_name": acme_user.last_name,
            "password1": "",
            "password2": "",
            "groups": [acme_user.groups.get().pk],
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert not get_user_model().objects.get(pk=acme_user.pk).is_active
    deactivated = entries("clients.user_deactivated").get()
    assert (deactivated.user, deactivated.object_id) == (superuser, str(acme_user.pk))


def test_deactivating_a_client_is_logged(client, editor, acme):
    client.force_login(editor)

    client.post(f"/admin/clients/client/edit/{acme.pk}/", {"name": acme.name})

    assert entries("clients.client_deactivated").get().user == editor


def test_actions_have_spanish_labels_and_show_in_the_site_history(
    client, acme, superuser, settings
):
    use_anymail(settings)
    user = add_client_user(
        client=acme, email="c@acme.example", first_name="C", last_name="D"
    )
    send_invitation(user=user, sent_by=superuser)
    client.force_login(superuser)

    with translation.override("es-ar"):
        labels = [str(label) for _action, label in registry.get_choices()]
    history = client.get("/admin/reports/site-history/").content.decode()

    assert {"Enviar invitación", "Elegir contraseña", "Cambiar contactos"} <= set(
        labels
    )
    assert "Desactivar usuario" in labels
    assert "Invitación enviada" in history
