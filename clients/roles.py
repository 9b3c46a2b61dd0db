"""The staff roles: Wagtail's "Editors" group also runs clients, executives, tickets."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

EDITORS_GROUP = "Editors"
EDITOR_CODENAMES = [
    f"{action}_{model}"
    for model in ("client", "accountexecutive")
    for action in ("add", "change", "view")
]


def grant_to_editors(app_label: str, codenames: list[str]) -> None:
    """Give the editors these permissions of ``app_label``; safe to run again."""
    editors = Group.objects.filter(name=EDITORS_GROUP).first()
    if editors is None:
        return

    # An app's post_migrate receivers can run before auth's, which would create
    # the permissions.
    create_permissions(apps.get_app_config(app_label), verbosity=0)
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    editors.permissions.add(*permissions)


def grant_editor_permissions(**kwargs) -> None:
    """Give the editors the client permissions, after every migrate."""
    grant_to_editors("clients", EDITOR_CODENAMES)
