"""E-mails to people, in HTML and plain text, through whatever backend is set.

In production that backend is Anymail's, so the provider delivers them.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def send_templated_email(*, to: str, template: str, context: dict, tag: str) -> None:
    """Send ``clients/emails/<template>`` (``_subject.txt``, ``.txt``, ``.html``).

    ``tag`` names the kind of message for the provider's statistics.
    """
    context = {"site_url": settings.SITE_URL, **context}
    base = f"clients/emails/{template}"
    subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{base}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )
    message.attach_alternative(render_to_string(f"{base}.html", context), "text/html")
    message.tags = [tag]  # read by Anymail; other backends ignore it
    message.send()
    logger.info("e-mail sent: template=%s tag=%s", template, tag)
