from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = _("Support")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import webhooks  # noqa: F401 (connects the tracking receiver)
        from .roles import grant_editor_permissions

        post_migrate.connect(grant_editor_permissions, sender=self)
