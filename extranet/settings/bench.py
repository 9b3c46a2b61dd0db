"""The benchmark: production settings on the local machine, plus a bare view.

``make bench`` uses these; the bare Django view at ``/bench/bare/`` measures the
limit of the stack itself and exists nowhere else.
"""

import os

os.environ.setdefault(
    "SECRET_KEY", "benchmark-only-key-0b7e1f6c9d2a4e8f3a5c7b9d1e3f5a7c"
)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/extranet_bench"
)
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")

from .production import *  # noqa: F403 (the benchmark runs production settings)

INSTALLED_APPS = [*INSTALLED_APPS, "extranet.bench"]  # noqa: F405
ROOT_URLCONF = "extranet.bench.urls"
# Plain HTTP on the loopback: no TLS redirect, no secure-only cookies.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LOGGING["root"]["level"] = "ERROR"  # noqa: F405
for _logger in LOGGING["loggers"].values():  # noqa: F405
    _logger["level"] = "WARNING"
