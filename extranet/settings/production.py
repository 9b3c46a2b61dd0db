"""Production: refuses to start without the variables it needs, and says which."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403 (settings modules extend the base by design)

REQUIRED_VARIABLES = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_BACKEND")

for variable in REQUIRED_VARIABLES:
    if not os.environ.get(variable):  # noqa: F405 (os comes from base)
        raise ImproperlyConfigured(
            f"The environment variable {variable} is required in production."
        )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true") == "true"  # noqa: F405
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
