"""The editors also follow tickets, resend them and edit the support settings."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from clients.roles import EDITORS_GROUP

EDITOR_CODENAMES = ["view_ticket", "resend_ticket", "change_supportsettings"]


def grant_editor_permissions(**kwargs) -> None:
    """Give the editors the ticket permissions; safe to run after every migrate."""
    editors = Group.objects.filter(name=EDITORS_GROUP).first()
    if editors is None:
        return

    create_permissions(apps.get_app_config("support"), verbosity=0)
    permissions = Permission.objects.filter(
        content_type__app_label="support", codename__in=EDITOR_CODENAMES
    )
    editors.permissions.add(*permissions)
