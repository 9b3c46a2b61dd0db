"""Reading the state of a user's account: invited, temporary password, active."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from .tokens import invitation_token_generator

#: Session key set at login while the user still has a temporary password.
MUST_CHANGE_PASSWORD = "clients_must_change_password"  # noqa: S105 (a key, not a secret)

STATE_LABELS = {
    "invited": _("invited, no password yet"),
    "temporary": _("temporary password"),
    "active": _("active"),
    "inactive": _("deactivated"),
}


def has_temporary_password(user) -> bool:
    """Whether ``user`` still has the password staff set for them."""
    try:
        temporary = user.temporary_password
    except ObjectDoesNotExist:
        return False
    return temporary.is_current()


def account_state(user) -> str:
    """Return one of the keys of ``STATE_LABELS``."""
    if not user.is_active:
        return "inactive"
    if not user.has_usable_password():
        return "invited"
    if has_temporary_password(user):
        return "temporary"
    return "active"


def absolute_url(path: str) -> str:
    """Return ``path`` on the site's public address, for links in e-mails."""
    return f"{settings.SITE_URL}{path}"


def invitation_url(user) -> str:
    """Return the absolute address of a fresh invitation link for ``user``."""
    path = reverse(
        "clients:invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_token_generator.make_token(user),
        },
    )
    return absolute_url(path)
