"""Local development: debug on, a throwaway key, e-mails printed to the console."""

from .base import *  # noqa: F403 (settings modules extend the base by design)

DEBUG = True
SECRET_KEY = os.environ.get(  # noqa: F405 (os comes from base)
    "SECRET_KEY", "dev-only-insecure-key-never-use-in-production"
)
ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]  # noqa: F405
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)

#: Demo passwords are created by ``load_demo_data`` only where this is true.
EXTRANET_DEMO_PASSWORDS = True
