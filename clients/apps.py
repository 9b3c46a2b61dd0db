from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClientsConfig(AppConfig):
    name = "clients"
    verbose_name = _("Clients")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401 (connects the receivers)
        from .roles import grant_editor_permissions

        post_migrate.connect(grant_editor_permissions, sender=self)

        from django.db.models.signals import pre_save

        from wagtail.signals import pre_page_move

        from .containment import refuse_escaping_aliases, refuse_escaping_moves

        pre_page_move.connect(refuse_escaping_moves)
        pre_save.connect(refuse_escaping_aliases)
