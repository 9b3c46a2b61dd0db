"""Small helpers for the account tests: e-mails and links in them."""

import re

from django.core import mail

ANYMAIL_TEST_BACKEND = "anymail.backends.test.EmailBackend"


def use_anymail(settings):
    """Send mail through Anymail's test backend, as production sends through Anymail."""
    settings.EMAIL_BACKEND = ANYMAIL_TEST_BACKEND


def link_in(message, site_url="http://localhost:8000") -> str:
    """Return the path of the one site link in ``message``'s text and HTML bodies."""
    text_links = re.findall(re.escape(site_url) + r"(/\S+/)", message.body)
    html = message.alternatives[0][0]
    html_links = re.findall(r'href="' + re.escape(site_url) + r'(/[^"]+/)"', html)
    assert len(set(text_links)) == 1, message.body
    assert html_links == text_links[:1], html
    return text_links[0]


def only_message():
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    return mail.outbox[0]
