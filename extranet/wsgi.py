"""WSGI entry point; production settings unless the environment says otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "extranet.settings.production")

application = get_wsgi_application()
