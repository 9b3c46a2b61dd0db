from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.shortcuts import redirect
from django.template.defaultfilters import linebreaks_filter
from django.templatetags.static import static
from django.urls import re_path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, InspectView, InstanceSpecificView

from .models import Ticket
from .services import RESEND_ACTION, TicketError, resend_ticket


class NeedsAttentionFilter(SimpleListFilter):
    """Tickets the support mailbox may never have received."""

    title = gettext_lazy("needs attention")
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [("yes", _("Failed, bounced or stalled"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.needing_attention()
        return queryset


class RecentClientFilter(SimpleListFilter):
    """Filter by client, offering the clients with the most recent tickets.

    A link per client would put thousands of links on every listing page; any
    client can still be chosen by its id in the address, from search, or from the
    links of the ticket pages.
    """

    title = gettext_lazy("client")
    parameter_name = "client"
    choices_shown = 15

    def lookups(self, request, model_admin):
        from clients.models import Client

        recent = Ticket.objects.order_by("-created_at").values_list(
            "client_id", flat=True
        )[:500]
        wanted = list(dict.fromkeys(recent))[: self.choices_shown]
        if self.value() and self.value().isdigit():
            wanted.append(int(self.value()))
        names = dict(Client.objects.filter(pk__in=wanted).values_list("pk", "name"))
        return [(str(pk), names[pk]) for pk in dict.fromkeys(wanted) if pk in names]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(client_id=int(self.value()))
        return queryset


class TicketPermissionHelper(PermissionHelper):
    """Tickets are read-only records: nobody creates, edits or deletes them here."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False

    def user_can_resend_obj(self, user, obj):
        return obj.needs_attention and user.has_perm("support.resend_ticket")


class TicketButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, **kwargs):
        buttons = super().get_buttons_for_obj(obj, exclude=exclude, **kwargs)
        exclude = exclude or []
        if "resend" not in exclude and self.permission_helper.user_can_resend_obj(
            self.request.user, obj
        ):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url("resend", obj.pk),
                    "label": _("Resend"),
                    "classname": self.finalise_classname(["button-secondary"]),
                    "title": _("Send ticket %(number)s to support again")
                    % {"number": obj.number},
                }
            )
        return buttons


class TicketInspectView(InspectView):
    def get_field_display_value(self, field_name, field=None):
        if field_name == "description":
            return linebreaks_filter(self.instance.description, autoescape=True)
        if field_name == "status":
            return delivery_state(self.instance)
        return super().get_field_display_value(field_name, field)


def spreadsheet_safe(value: str) -> str:
    """Keep a spreadsheet from reading a name such as "=HYPERLINK(…)" as a formula."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def local_time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class TicketIndexView(IndexView):
    """The listing, with plain headings and local times in its CSV export."""

    export_headings = {
        "number": gettext_lazy("Number"),
        "export_opened_at": gettext_lazy("Opened at"),
        "export_company": gettext_lazy("Company"),
        "export_person": gettext_lazy("Person"),
        "requester_email": gettext_lazy("E-mail"),
        "severity": gettext_lazy("Severity"),
        "export_state": gettext_lazy("State"),
        "attempts": gettext_lazy("Attempts"),
        "export_sent_at": gettext_lazy("Sent at"),
        "export_tracked_at": gettext_lazy("Delivered or bounced at"),
    }


class TicketResendView(InstanceSpecificView):
    """Ask, then send a failed or bounced ticket to the support mailbox again."""

    page_title = gettext_lazy("Resend")
    template_name = "support/admin/resend.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_resend_obj(user, self.instance)

    def get_meta_title(self):
        return _("Resend ticket %(number)s") % {"number": self.instance.number}

    def post(self, request, *args, **kwargs):
        try:
            resend_ticket(ticket=self.instance, user=request.user)
        except TicketError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Ticket %(number)s will be sent to support again.")
                % {"number": self.instance.number},
            )
        return redirect(self.url_helper.get_action_url("inspect", self.instance.pk))


def delivery_state(ticket: Ticket) -> str:
    """The state as a tag that stands out where the ticket needs attention."""
    classes = "w-status ticket-state"
    label = ticket.get_status_display()
    if ticket.needs_attention:
        classes += " ticket-state--attention"
        if ticket.is_stalled:
            label = _("%(state)s, stalled") % {"state": label}
    return format_html('<span class="{}">{}</span>', classes, label)


class TicketAdmin(ModelAdmin):
    model = Ticket
    menu_label = gettext_lazy("Tickets")
    menu_icon = "help"
    menu_order = 210
    permission_helper_class = TicketPermissionHelper
    button_helper_class = TicketButtonHelper
    inspect_view_enabled = True
    inspect_view_class = TicketInspectView
    inspect_view_fields = [
        "number",
        "created_at",
        "client",
        "company_name",
        "requester_name",
        "requester_email",
        "severity",
        "description",
        "status",
        "attempts",
        "last_error",
        "message_id",
        "last_attempt_at",
        "sent_at",
        "tracked_at",
        "acknowledged_at",
        "acknowledgement_attempts",
        "next_attempt_at",
    ]
    list_display = (
        "number",
        "created_at",
        "company_name",
        "requester_name",
        "severity",
        "state_tag",
        "attempts",
    )
    list_filter = (
        NeedsAttentionFilter,
        RecentClientFilter,
        "severity",
        "status",
        "created_at",
    )
    search_fields = ("number", "company_name", "requester_name", "requester_email")
    # The description stays out: a spreadsheet is no place for a client's problem.
    list_export = tuple(TicketIndexView.export_headings)
    export_filename = "tickets"
    index_view_class = TicketIndexView
    list_per_page = 50

    def export_opened_at(self, obj):
        return local_time(obj.created_at)

    def export_company(self, obj):
        return spreadsheet_safe(obj.company_name)

    def export_person(self, obj):
        return spreadsheet_safe(obj.requester_name)

    def export_state(self, obj):
        return obj.get_status_display()

    def export_sent_at(self, obj):
        return local_time(obj.sent_at)

    def export_tracked_at(self, obj):
        return local_time(obj.tracked_at)

    def state_tag(self, obj):
        return delivery_state(obj)

    state_tag.short_description = gettext_lazy("state")
    state_tag.admin_order_field = "status"

    def resend_view(self, request, instance_pk):
        return TicketResendView.as_view(model_admin=self, instance_pk=instance_pk)(
            request
        )

    def get_admin_urls_for_registration(self):
        return super().get_admin_urls_for_registration() + (
            re_path(
                self.url_helper.get_action_url_pattern("resend"),
                self.resend_view,
                name=self.url_helper.get_action_url_name("resend"),
            ),
        )


ticket_admin = TicketAdmin()
ticket_admin.register_with_wagtail()


class TicketsNeedingAttentionPanel(Component):
    """On the admin's home: how many tickets support may never have received."""

    order = 50
    template_name = "support/admin/attention_panel.html"

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context):
        return {
            "count": self.count,
            "url": ticket_admin.url_helper.index_url + "?attention=yes",
        }


@hooks.register("construct_homepage_panels")
def add_tickets_needing_attention(request, panels):
    if not ticket_admin.permission_helper.user_can_list(request.user):
        return
    count = Ticket.objects.needing_attention().count()
    if count:
        panels.append(TicketsNeedingAttentionPanel(count))


@hooks.register("insert_global_admin_css")
def ticket_state_css():
    return format_html('<link rel="stylesheet" href="{}">', static("support/admin.css"))


@hooks.register("register_log_actions")
def register_ticket_actions(actions):
    actions.register_action(
        RESEND_ACTION,
        gettext_lazy("Resend to support"),
        gettext_lazy("Ticket sent to support again"),
    )
