"""The read-only part of the client's admin page: its users and its contacts."""

from django.urls import reverse

from wagtail.admin.panels import Panel


class ClientPeoplePanel(Panel):
    """List a saved client's users and contacts, with the actions staff take on them.

    The actions are links to pages of their own: a form cannot sit inside the
    client's edit form, and each action deserves a confirmation anyway.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "clients/admin/people_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from .accounts import account_state

            context = super().get_context_data(parent_context)
            client = self.instance
            memberships = client.memberships.select_related(
                "user__temporary_password"
            ).order_by("user__last_name", "user__first_name")
            context.update(
                {
                    "client": client,
                    "people": [
                        (membership.user, account_state(membership.user))
                        for membership in memberships
                    ],
                    "contacts": client.contacts.all(),
                    "add_user_url": reverse("clients_admin:add_user", args=[client.pk]),
                }
            )
            return context
