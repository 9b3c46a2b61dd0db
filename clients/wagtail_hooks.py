from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import include, path
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from . import admin_views, containment
from .access import check_page_access
from .models import AccountExecutive, Client
from .services import adopt_page_documents


@hooks.register("on_serve_page", order=-1)
def serve_within_client_restrictions(serve_chain):
    """Check restrictions for logged-in users in one query, answering 404 on failure.

    Registered first, so it wraps Wagtail's own check; for logged-in users it serves
    the page itself once the check has passed, and Wagtail's check is not repeated.
    """

    def serve(page, request, serve_args, serve_kwargs):
        if not request.user.is_authenticated:
            return serve_chain(page, request, serve_args, serve_kwargs)

        is_restricted = check_page_access(page, request)
        response = page.serve(request, *serve_args, **serve_kwargs)
        if is_restricted:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response

    return serve


@hooks.register("before_serve_document", order=-1)
def hide_restricted_documents_from_logged_in_users(document, request):
    if not request.user.is_authenticated:
        return None
    for restriction in document.collection.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404


def refuse_in_admin(request, page):
    messages.error(request, containment.REFUSAL)
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_copy_page")
def keep_client_pages_from_being_copied(request, page):
    """Covers the admin's copy view, which also creates aliases."""
    if not containment.may_copy(page):
        return refuse_in_admin(request, page)


@hooks.register("before_move_page")
def keep_client_pages_in_their_area(request, page, destination):
    if not containment.may_move(page, destination):
        return refuse_in_admin(request, page)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def keep_client_documents_private(request, page):
    foreign = adopt_page_documents(page=page)
    if foreign:
        messages.warning(
            request,
            _(
                "These documents belong to another client and its users cannot "
                "open them here: %(titles)s"
            )
            % {"titles": ", ".join(doc.title for doc in foreign)},
        )


@hooks.register("register_admin_urls")
def register_client_user_urls():
    urls = [
        path("add/", admin_views.AddClientUserView.as_view(), name="add_user"),
        path(
            "<int:user_pk>/resend-invitation/",
            admin_views.ResendInvitationView.as_view(),
            name="resend_invitation",
        ),
    ]
    return [
        path(
            "clients/client/<int:client_pk>/users/",
            include((urls, "clients_admin")),
        )
    ]


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action(
        "clients.invitation_sent",
        gettext_lazy("Send invitation"),
        gettext_lazy("Invitation sent"),
    )
    actions.register_action(
        "clients.password_set",
        gettext_lazy("Set password"),
        gettext_lazy("Password set"),
    )
    actions.register_action(
        "clients.contacts_changed",
        gettext_lazy("Change contacts"),
        gettext_lazy("Contacts changed"),
    )
    actions.register_action(
        "clients.user_deactivated",
        gettext_lazy("Deactivate user"),
        gettext_lazy("User deactivated"),
    )
    actions.register_action(
        "clients.client_deactivated",
        gettext_lazy("Deactivate client"),
        gettext_lazy("Client deactivated"),
    )


class AccountExecutiveAdmin(ModelAdmin):
    model = AccountExecutive
    menu_icon = "user"
    list_display = ("name", "phone", "email")
    search_fields = ("name", "email")


class ClientPermissionHelper(PermissionHelper):
    """Clients are deactivated, never deleted: their tickets and documents stay."""

    def user_can_delete_obj(self, user, obj):
        return False


class ClientAdmin(ModelAdmin):
    model = Client
    permission_helper_class = ClientPermissionHelper
    menu_icon = "group"
    list_display = ("name", "account_executive", "has_project_reports", "is_active")
    list_filter = ("account_executive", "has_project_reports", "is_active")
    search_fields = ("name",)
    list_select_related = ("account_executive",)


@modeladmin_register
class ClientsAdminGroup(ModelAdminGroup):
    menu_label = gettext_lazy("Clients")
    menu_icon = "group"
    menu_order = 200
    items = (ClientAdmin, AccountExecutiveAdmin)
