"""How django-axes names the account and the address behind a login attempt."""

from django.conf import settings
from django.shortcuts import render


def username_of_attempt(request, credentials) -> str | None:
    """Return the e-mail tried, lower-cased, so «Ana@X» and «ana@x» count together.

    The front-end form already lower-cases it; Wagtail's admin form does not.
    """
    if credentials:
        username = credentials.get("username")
    else:
        username = getattr(request, "POST", {}).get("username")
    return username.strip().lower() if username else username


def client_ip(request) -> str | None:
    """Return the address of the person, not of the proxies in front of the app.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For; the entry the outermost one appended is the first that no
    client can forge.
    """
    proxies = settings.EXTRANET_TRUSTED_PROXIES
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        hops = [hop.strip() for hop in forwarded if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """Answer a locked-out attempt, on either door, with the Spanish lockout page."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"lockout_minutes": minutes}
    return render(request, "clients/lockout.html", context, status=429)
