from django.core import mail
from django.urls import reverse

from wagtail.models import Site

import pytest

from support.models import SupportSettings, Ticket
from support.subject import (
    SUBJECT_PLACEHOLDERS,
    header_safe,
    render_subject,
    validate_subject_pattern,
)

INJECTION = "\r\nBcc: x@evil.example"


@pytest.fixture
def support_settings(db):
    return SupportSettings.for_site(Site.objects.get(is_default_site=True))


def sent_support_email(open_ticket_as, user, run_worker, **data):
    ticket = open_ticket_as(user, **data)
    run_worker()
    [message] = [m for m in mail.outbox if m.to == ["soporte@nextvision.com"]]
    return ticket, message


def test_default_subject_carries_severity_company_person_and_number(
    open_ticket_as, acme_user, provider, run_worker
):
    ticket, message = sent_support_email(
        open_ticket_as, acme_user, run_worker, severity="S1"
    )

    assert message.subject == (
        f"[S1] Acme S.A. — {acme_user.get_full_name()} — {ticket.number}"
    )


def test_custom_pattern_is_used(
    open_ticket_as, acme_user, provider, run_worker, support_settings
):
    support_settings.subject_pattern = (
        "{number} · {severity_label} · {company} ({email})"
    )
    support_settings.save()

    ticket, message = sent_support_email(
        open_ticket_as, acme_user, run_worker, severity="S3"
    )

    assert message.subject == (
        f"{ticket.number} · S3: Problema o pregunta · Acme S.A. (ana@acme.example)"
    )


def test_custom_mailbox_receives_the_ticket(
    open_ticket_as, acme_user, provider, run_worker, support_settings
):
    support_settings.mailbox = "mesa@nextvision.com"
    support_settings.save()
    open_ticket_as(acme_user)

    run_worker()

    assert [message.to for message in mail.outbox][0] == ["mesa@nextvision.com"]


@pytest.mark.parametrize(
    "pattern, shown",
    [
        ("[{severity}] {empresa}", "{empresa}"),
        ("{company.__class__}", "{company.__class__}"),
        ("{company!r}", "{company!r}"),
        ("{company:>40}", "{company:>40}"),
        ("{} {company}", "{}"),
    ],
)
def test_patterns_with_unknown_placeholders_are_rejected(pattern, shown):
    with pytest.raises(Exception) as caught:
        validate_subject_pattern(pattern)

    assert shown in caught.value.messages[0]


def test_staff_saving_a_bad_pattern_get_a_spanish_message_and_keep_their_input(
    client, editor, support_settings
):
    client.force_login(editor)
    url = reverse(
        "wagtailsettings:edit",
        args=["support", "supportsettings", support_settings.site_id],
    )
    data = {
        "mailbox": "soporte@nextvision.com",
        "subject_pattern": "[{severidad}] {company}",
        "s1_response_target": "30 minutos",
        "s2_response_target": "2 horas hábiles",
        "s3_response_target": "8 horas hábiles",
        "s4_response_target": "2 días hábiles",
    }

    refused = client.post(url, data)
    unpaired = client.post(url, {**data, "subject_pattern": "[{severity] {company}"})
    accepted = client.post(url, {**data, "subject_pattern": "{number}: {company}"})

    page = refused.content.decode()
    assert "El marcador {severidad} no existe. Usá: {severity}, " in page
    assert "[{severidad}] {company}" in page
    assert "Las llaves del patrón no están balanceadas." in unpaired.content.decode()
    assert accepted.status_code == 302
    support_settings.refresh_from_db()
    assert support_settings.subject_pattern == "{number}: {company}"


def test_the_help_text_lists_every_placeholder():
    help_text = str(SupportSettings._meta.get_field("subject_pattern").help_text)

    assert all(f"{{{name}}}" in help_text for name in SUBJECT_PLACEHOLDERS)


def test_names_with_line_breaks_cannot_inject_a_header(
    open_ticket_as, make_client, make_user, provider, run_worker
):
    company = make_client(f"Evil S.A.{INJECTION}")
    user = make_user(company, first_name=f"Mal{INJECTION}", last_name="Vado")

    ticket, message = sent_support_email(open_ticket_as, user, run_worker)

    raw = message.message().as_bytes().decode()
    headers = raw.split("\n\n", 1)[0]
    assert "\nBcc:" not in headers and "\nbcc:" not in headers.lower()
    params = message.anymail_test_params
    assert params["bcc"] == [] and params["cc"] == []
    assert [str(address) for address in params["to"]] == ["soporte@nextvision.com"]
    assert message.bcc == []
    assert "\r" not in message.subject and "\n" not in message.subject
    assert message.subject.startswith("[S2] Evil S.A. Bcc: x@evil.example — Mal Bcc:")
    assert "\n" not in message.from_email and "\n" not in message.reply_to[0]
    assert message.reply_to[0].endswith(f"<{user.email}>")
    assert Ticket.objects.get().company_name == f"Evil S.A.{INJECTION}".strip()


def test_header_safe_removes_every_kind_of_line_break_and_control():
    value = "A\u2028B\u2029C\x00D\x1bE\u202eF\u200bG\tH\x85I"

    assert header_safe(value) == "A B C D E F G H I"


def test_a_broken_pattern_saved_behind_the_form_falls_back_to_the_default():
    subject = render_subject(
        "{nope}",
        {"severity": "S1", "company": "A", "person": "B", "number": "NV-000001"},
    )

    assert subject == "[S1] A — B — NV-000001"
