"""Admin pages for a client's users: add one, resend an invitation.

Registered with ``register_admin_urls`` and linked from the users panel of the
client's edit page. wagtail-modeladmin's edit view has no room for a second form,
and a plain view keeps the business step in ``services.add_client_user``.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms_accounts import ClientUserAdminForm
from .models import Client
from .services import ClientError, add_client_user, send_invitation


def client_edit_url(client) -> str:
    return reverse("clients_client_modeladmin_edit", args=[client.pk])


class ClientStaffMixin(WagtailAdminTemplateMixin):
    """Load the client of the URL; only staff who may change clients get in."""

    header_icon = "user"

    def dispatch(self, request, client_pk, **kwargs):
        if not request.user.has_perm("clients.change_client"):
            raise PermissionDenied
        self.client = get_object_or_404(Client, pk=client_pk)
        self.load(**kwargs)
        return super().dispatch(request, client_pk=client_pk, **kwargs)

    def load(self, **kwargs):
        """Load what else the URL names, once the permission is checked."""

    def get_page_subtitle(self):
        return self.client.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("clients_client_modeladmin_index"),
                "label": gettext_lazy("Clients"),
            },
            {"url": client_edit_url(self.client), "label": self.client.name},
            {"url": "", "label": self.get_page_title()},
        ]


class AddClientUserView(ClientStaffMixin, FormView):
    form_class = ClientUserAdminForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = gettext_lazy("Add user")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "action_url": self.request.path,
                "submit_button_label": _("Add user"),
                "submit_button_active_label": _("Adding…"),
            }
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        temporary = data["access"] == ClientUserAdminForm.TEMPORARY_PASSWORD
        try:
            user = add_client_user(
                client=self.client,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                password=data["password"] if temporary else None,
                password_is_temporary=temporary,
                invite=not temporary,
                added_by=self.request.user,
            )
        except ClientError as error:
            messages.error(self.request, str(error))
            return self.form_invalid(form)

        if temporary:
            message = _(
                "%(email)s can log in with the temporary password and will be "
                "asked to change it."
            )
        else:
            message = _("%(email)s was added and the invitation was sent.")
        messages.success(self.request, message % {"email": user.email})
        return redirect(client_edit_url(self.client))


class ResendInvitationView(ClientStaffMixin, TemplateView):
    template_name = "clients/admin/resend_invitation.html"
    page_title = gettext_lazy("Resend invitation")

    def load(self, user_pk):
        self.invited = get_object_or_404(
            get_user_model(), pk=user_pk, client_membership__client=self.client
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {"invited": self.invited, "cancel_url": client_edit_url(self.client)}
        )
        return context

    def post(self, request, client_pk, user_pk):
        try:
            send_invitation(user=self.invited, sent_by=request.user)
        except ClientError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("A new invitation was sent to %(email)s; older links no longer work.")
                % {"email": self.invited.email},
            )
        return redirect(client_edit_url(self.client))
