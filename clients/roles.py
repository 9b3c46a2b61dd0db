"""The staff roles: Wagtail's "Editors" group also runs clients and executives."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "Editors"
EDITOR_CODENAMES = [
    f"{action}_{model}"
    for model in ("client", "accountexecutive")
    for action in ("add", "change", "view")
]


def grant_editor_permissions(**kwargs) -> None:
    """Give the editors the client permissions; safe to run after every migrate."""
    editors = Group.objects.filter(name=EDITORS_GROUP).first()
    if editors is None:
        return

    # This app's receivers run before auth's, which would create the permissions.
    create_permissions(apps.get_app_config("clients"), verbosity=0)
    permissions = Permission.objects.filter(
        content_type__app_label="clients", codename__in=EDITOR_CODENAMES
    )
    editors.permissions.add(*permissions)
