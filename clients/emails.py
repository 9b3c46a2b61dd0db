"""E-mails to people, in HTML and plain text, through whatever backend is set.

In production that backend is Anymail's, so the provider delivers them.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def send_templated_email(*, to: str, template: str, context: dict, tag: str) -> None:
    """Send ``clients/emails/<template>`` (``_subject.txt``, ``.txt``, ``.html``).

    Always in the site's language, whatever language the staff member who caused
    it reads the admin in. ``tag`` names the kind of message for the provider.
    """
    context = {"site_url": settings.SITE_URL, **context}
    base = f"clients/emails/{template}"
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
        text = render_to_string(f"{base}.txt", context)
        html = render_to_string(f"{base}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]
    )
    message.attach_alternative(html, "text/html")
    message.tags = [tag]  # read by Anymail; other backends ignore it
    message.send()
    logger.info("e-mail sent: template=%s tag=%s", template, tag)
