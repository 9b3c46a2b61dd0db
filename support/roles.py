"""The editors also follow tickets, resend them and edit the support settings."""

from clients.roles import grant_to_editors

EDITOR_CODENAMES = ["view_ticket", "resend_ticket", "change_supportsettings"]


def grant_editor_permissions(**kwargs) -> None:
    """Give the editors the ticket permissions, after every migrate."""
    grant_to_editors("support", EDITOR_CODENAMES)
