"""The token in an invitation link: single-use, and expiring after a setting's days.

Django's reset tokens expire after ``PASSWORD_RESET_TIMEOUT``, one value for every
generator, so this one checks its own age. The hash covers the password and the last
login, as Django's does, so setting the password spends the link; it also covers
the time of the invitation, so sending a new one spends the older links.
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "clients.tokens.InvitationTokenGenerator"

    @property
    def max_age_seconds(self) -> int:
        return settings.EXTRANET_INVITATION_DAYS * 24 * 60 * 60

    def _make_hash_value(self, user, timestamp):
        membership = getattr(user, "client_membership", None)
        invited_at = membership.invited_at if membership else None
        invited = "" if invited_at is None else f"{invited_at.timestamp():.6f}"
        return f"{super()._make_hash_value(user, timestamp)}{invited}"

    def check_token(self, user, token):
        """Accept a token made for ``user`` in its current state, and not too old."""
        if not (user and token):
            return False
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except ValueError:
            return False

        age = self._num_seconds(self._now()) - timestamp
        if age > self.max_age_seconds:
            return False
        return any(
            constant_time_compare(
                self._make_token_with_timestamp(user, timestamp, secret), token
            )
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_token_generator = InvitationTokenGenerator()
