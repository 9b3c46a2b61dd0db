import uuid

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views import View

from clients.access import membership_of

from .forms import TicketForm
from .models import SEVERITY_GUIDANCE, SupportSettings, Ticket
from .services import TicketError, open_ticket

TICKETS_PER_PAGE = 20


def staff_only(request):
    """Tell a user without a client company that tickets are opened by client users."""
    return render(request, "support/staff_only.html", status=403)


class TicketCreateView(View):
    """The "Abrir un ticket" form; posting it stores the ticket and redirects."""

    template_name = "support/ticket_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.membership = membership_of(request)
        if self.membership is None:
            return staff_only(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        form = TicketForm(initial={"idempotency_key": uuid.uuid4()})
        return self.render_form(form, form.initial["idempotency_key"])

    def post(self, request):
        form = TicketForm(request.POST)
        if form.is_valid():
            try:
                ticket, _created = open_ticket(
                    membership=self.membership, **form.cleaned_data
                )
            except TicketError as error:
                form.add_error(None, str(error))
                return self.render_form(form, uuid.uuid4())
            return redirect("support:ticket_confirmation", number=ticket.number)

        # Keep the key of this form, so that fixing it and sending it again still
        # cannot open two tickets; make a new one only where it was missing.
        key = form.cleaned_data.get("idempotency_key") or uuid.uuid4()
        return self.render_form(form, key)

    def render_form(self, form, idempotency_key):
        support = SupportSettings.for_request(self.request)
        severities = [
            {
                "radio": radio,
                "guidance": SEVERITY_GUIDANCE[radio.data["value"]],
                "target": support.response_target(radio.data["value"]),
            }
            for radio in form["severity"]
        ]
        user = self.request.user
        context = {
            "form": form,
            "severities": severities,
            "idempotency_key": idempotency_key,
            "company_name": self.membership.client.name,
            "person_name": user.get_full_name() or user.email,
        }
        return render(self.request, self.template_name, context)


def ticket_list(request):
    """List the tickets of the user's company ("Mis tickets"), newest first."""
    membership = membership_of(request)
    if membership is None:
        return staff_only(request)

    tickets = Ticket.objects.filter(client=membership.client_id).only(
        "number", "created_at", "severity", "requester_name", "status"
    )
    page = Paginator(tickets, TICKETS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "support/ticket_list.html", {"page_obj": page})


def _own_ticket(request, number: str) -> Ticket:
    """Return the ticket ``number`` of the user's company; 404 for anyone else."""
    membership = membership_of(request)
    if membership is None:
        raise Http404
    ticket = Ticket.objects.filter(client=membership.client_id, number=number).first()
    if ticket is None:
        raise Http404
    return ticket


def ticket_detail(request, number, *, confirmation=False):
    ticket = _own_ticket(request, number)
    support = SupportSettings.for_request(request)
    context = {
        "ticket": ticket,
        "response_target": support.response_target(ticket.severity),
        "confirmation": confirmation,
    }
    return render(request, "support/ticket_detail.html", context)


def ticket_confirmation(request, number):
    """The ticket's page with "Ticket correctamente procesado" on top of it."""
    return ticket_detail(request, number, confirmation=True)
