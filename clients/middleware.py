"""Rules that hold on every request of a logged-in user, on both login doors.

Order in ``MIDDLEWARE``: after authentication and messages. ``ClientAccessMiddleware``
ends the session of a user whose company was deactivated and sends client users to
the contacts form while their company's contacts are incomplete;
``PasswordChangeRequiredMiddleware`` keeps a user with a temporary password on the
password change page.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .access import membership_of
from .accounts import MUST_CHANGE_PASSWORD
from .contacts import contacts_are_complete
from .models import ClientContact

logger = logging.getLogger(__name__)


def _redirect_with_next(request, url_name):
    url = reverse(url_name)
    if request.method == "GET" and request.get_full_path() != "/":
        url = f"{url}?{urlencode({'next': request.get_full_path()})}"
    return redirect(url)


def _is_static(path: str) -> bool:
    return path.startswith((settings.STATIC_URL, "/favicon.ico"))


class ClientAccessMiddleware:
    """Log out users of deactivated clients; put the contacts form first.

    Costs one query per request of a client user (the contacts), on top of
    ``membership_of``, which the pages run anyway and which caches its answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        membership = membership_of(request)
        if membership is None:
            return None

        if not membership.client.is_active:
            logger.info(
                "session ended, client inactive: user=%s client=%s",
                request.user.pk,
                membership.client_id,
            )
            logout(request)
            messages.error(
                request,
                _(
                    "Your company's access to the extranet is not active. Please "
                    "contact your account executive."
                ),
            )
            return redirect(settings.LOGIN_URL)

        if self.is_exempt(request.path_info):
            return None
        contacts = ClientContact.objects.filter(client=membership.client)
        if contacts_are_complete(contacts.order_by("sort_order", "pk")):
            return None
        return _redirect_with_next(request, "clients:contacts")

    def is_exempt(self, path: str) -> bool:
        """Pages a client user may open before the contacts are complete."""
        exempt = [
            reverse("clients:contacts"),
            reverse("clients:logout"),
            reverse("clients:password_change"),
            "/admin/",  # the admin refuses client users by itself
            "/invitacion/",
        ]
        return _is_static(path) or path.startswith(tuple(exempt))


class PasswordChangeRequiredMiddleware:
    """Allow a user who must change a temporary password only that, or to leave.

    The flag is put in the session at login (``clients.signals``), on either door,
    so this costs no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        must_change = request.user.is_authenticated and request.session.get(
            MUST_CHANGE_PASSWORD
        )
        if must_change and not self.is_allowed(request.path_info):
            return _redirect_with_next(request, "clients:password_change")
        return self.get_response(request)

    def is_allowed(self, path: str) -> bool:
        allowed = (
            reverse("clients:password_change"),
            reverse("clients:logout"),
            reverse("wagtailadmin_logout"),
        )
        return _is_static(path) or path in allowed
