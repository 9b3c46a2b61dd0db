"""A stand-in for the e-mail provider's API, the one part of delivery that is mocked.

``FlakyProviderBackend`` is Anymail's test backend whose provider call fails a set
number of times per recipient before it accepts, as a provider that is down would.
"""

from anymail.backends.test import EmailBackend
from anymail.exceptions import AnymailAPIError

#: Recipient address → how many more sends to it the provider refuses.
FAILURES: dict[str, int] = {}


class FlakyProviderBackend(EmailBackend):
    def post_to_esp(self, payload, message):
        for recipient in payload.recipient_emails:
            if FAILURES.get(recipient, 0) > 0:
                FAILURES[recipient] -= 1
                raise AnymailAPIError("503 Service Unavailable (simulated provider)")
        return super().post_to_esp(payload, message)
