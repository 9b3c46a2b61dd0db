"""Delivery tracking: Postmark tells us when the support e-mail arrived or bounced."""

from django.dispatch import receiver

from anymail.exceptions import AnymailWebhookValidationFailure
from anymail.signals import tracking
from anymail.webhooks.postmark import PostmarkTrackingWebhookView

from .services import record_tracking_event


class PostmarkTrackingView(PostmarkTrackingWebhookView):
    """Anymail's Postmark tracking webhook, refused outright without a secret.

    Anymail on its own accepts every post, with a warning, where
    ``ANYMAIL_WEBHOOK_SECRET`` is unset; a forgotten variable must not open it.
    """

    def validate_request(self, request):
        if not self.basic_auth:
            raise AnymailWebhookValidationFailure(
                "ANYMAIL_WEBHOOK_SECRET is not set: the tracking webhook is closed."
            )


@receiver(tracking)
def follow_support_email(sender, event, esp_name, **kwargs):
    record_tracking_event(
        message_id=event.message_id,
        event_type=event.event_type,
        timestamp=event.timestamp,
        description=event.description or event.mta_response or "",
    )
