"""The two e-mails of a ticket: to the support mailbox, and back to the requester.

Both carry the ticket's number and severity in Anymail's metadata and tags, never
its description, since providers keep those in their logs and dashboards.
"""

from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from anymail.message import AnymailMessage

from clients.models import ClientContact

from .models import Severity, SupportSettings, Ticket
from .subject import header_safe, render_subject


def address(name: str, email: str) -> str:
    """Return a header-safe ``"Name" <email>``, quoted wherever the name needs it."""
    return str(Address(display_name=header_safe(name), addr_spec=header_safe(email)))


def site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def admin_url(ticket: Ticket) -> str:
    return site_url(reverse("support_ticket_modeladmin_inspect", args=[ticket.pk]))


def _sender(display_name: str) -> str:
    return address(display_name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1])


def _message_id(ticket: Ticket, kind: str) -> str:
    """A fixed Message-ID per ticket and e-mail, the same on every attempt.

    Mail systems that de-duplicate on it show a repeated copy once.
    """
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{ticket.number}.{kind}.{ticket.pk}@{domain}>"


def _anymail_extras(ticket: Ticket, kind: str) -> dict:
    return {
        "metadata": {
            "ticket": ticket.number,
            "severity": ticket.severity,
            "kind": kind,
        },
        # One tag only: Postmark, the production provider, accepts no more.
        "tags": [f"ticket-{ticket.severity}"],
        "track_clicks": False,
        "track_opens": False,
    }


def subject_values(ticket: Ticket) -> dict[str, str]:
    return {
        "severity": ticket.severity,
        "severity_label": str(Severity(ticket.severity).label),
        "company": ticket.company_name,
        "person": ticket.requester_name,
        "email": ticket.requester_email,
        "number": ticket.number,
    }


def support_email(ticket: Ticket, *, support: SupportSettings) -> AnymailMessage:
    """Build the e-mail that tells the support mailbox about ``ticket``."""
    contacts = ClientContact.objects.filter(
        client_id=ticket.client_id, kind=ClientContact.Kind.TECHNICAL
    ).order_by("sort_order", "pk")
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "ticket": ticket,
            "severity_label": Severity(ticket.severity).label,
            "response_target": support.response_target(ticket.severity),
            "technical_contacts": list(contacts),
            "admin_url": admin_url(ticket),
        }
        sender = _sender(
            _("%(person)s via the extranet") % {"person": ticket.requester_name}
        )
        message = AnymailMessage(
            subject=render_subject(support.subject_pattern, subject_values(ticket)),
            body=render_to_string("support/email/support_ticket.txt", context),
            from_email=sender,
            to=[support.mailbox],
            reply_to=[address(ticket.requester_name, ticket.requester_email)],
            headers={"Message-ID": _message_id(ticket, "support")},
            **_anymail_extras(ticket, "support"),
        )
        message.attach_alternative(
            render_to_string("support/email/support_ticket.html", context), "text/html"
        )
    return message


def acknowledgement_email(
    ticket: Ticket, *, support: SupportSettings
) -> AnymailMessage:
    """Build the requester's copy of what they sent, with the ticket's number."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "ticket": ticket,
            "severity_label": Severity(ticket.severity).label,
            "response_target": support.response_target(ticket.severity),
            "ticket_url": site_url(ticket.get_absolute_url()),
        }
        subject = _("Your ticket %(number)s was received") % {"number": ticket.number}
        message = AnymailMessage(
            subject=header_safe(subject),
            body=render_to_string("support/email/acknowledgement.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[address(ticket.requester_name, ticket.requester_email)],
            reply_to=[support.mailbox],
            headers={"Message-ID": _message_id(ticket, "acknowledgement")},
            **_anymail_extras(ticket, "acknowledgement"),
        )
        message.attach_alternative(
            render_to_string("support/email/acknowledgement.html", context), "text/html"
        )
    return message
