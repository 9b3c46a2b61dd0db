import logging

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from .access import membership_of
from .accounts import MUST_CHANGE_PASSWORD
from .contacts import contacts_are_complete
from .forms_accounts import ClientPasswordResetForm, ContactsForm
from .forms_auth import EmailAuthenticationForm
from .models import ClientContact
from .services import ClientError, record_password_set, save_client_contacts
from .tokens import invitation_token_generator

logger = logging.getLogger(__name__)


def safe_next(request, default="/") -> str:
    """Return the ``next`` parameter when it points inside this site."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class LoginView(auth_views.LoginView):
    template_name = "clients/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change the password; the one page open to a user with a temporary password."""

    template_name = "clients/password_change.html"
    success_url = "/"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["must_change"] = bool(self.request.session.get(MUST_CHANGE_PASSWORD))
        context["next"] = safe_next(self.request, default="")
        return context

    def form_valid(self, form):
        super().form_valid(form)  # saves, and keeps this session logged in
        record_password_set(user=form.user, how="change")
        self.request.session.pop(MUST_CHANGE_PASSWORD, None)
        messages.success(self.request, _("Your password was changed."))
        return redirect(safe_next(self.request))


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "clients/password_reset_form.html"
    form_class = ClientPasswordResetForm
    success_url = reverse_lazy("clients:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "clients/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "clients/password_reset_confirm.html"
    success_url = reverse_lazy("clients:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        record_password_set(user=form.user, how="reset")
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "clients/password_reset_complete.html"


@method_decorator(login_not_required, name="dispatch")
class InvitationView(View):
    """Where an invitation link leads: choose a password, then go in.

    A link that was used, replaced by a newer one or expired shows a page that
    says how to get another.
    """

    template_name = "clients/invitation.html"
    invalid_template_name = "clients/invitation_invalid.html"

    def dispatch(self, request, uidb64, token):
        self.invited = self.get_user(uidb64, token)
        if self.invited is None:
            return render(request, self.invalid_template_name, status=410)
        return super().dispatch(request, uidb64, token)

    def get_user(self, uidb64, token):
        try:
            pk = force_str(urlsafe_base64_decode(uidb64))
            user = (
                get_user_model()
                .objects.select_related("client_membership__client")
                .get(pk=pk, is_active=True)
            )
        except (ValueError, OverflowError, get_user_model().DoesNotExist):
            return None

        membership = getattr(user, "client_membership", None)
        if membership is None or not membership.client.is_active:
            return None
        if not invitation_token_generator.check_token(user, token):
            return None
        return user

    def get(self, request, uidb64, token):
        return self.render(SetPasswordForm(self.invited))

    def post(self, request, uidb64, token):
        form = SetPasswordForm(self.invited, request.POST)
        if not form.is_valid():
            return self.render(form)

        user = form.save()
        record_password_set(user=user, how="invitation")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your password is set. Welcome to the extranet."))
        return redirect("/")

    def render(self, form):
        context = {"form": form, "invited": self.invited}
        return render(self.request, self.template_name, context)


class ClientUserMixin:
    """Pages of a client user's own company; everyone else gets a 404."""

    def dispatch(self, request, *args, **kwargs):
        self.membership = membership_of(request)
        if self.membership is None:
            raise Http404
        self.company = self.membership.client
        return super().dispatch(request, *args, **kwargs)


class MyCompanyView(ClientUserMixin, TemplateView):
    """«Mi empresa»: the company's contacts and users."""

    template_name = "clients/my_company.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        users = get_user_model().objects.filter(client_membership__client=self.company)
        context.update(
            {
                "company": self.company,
                "contacts": ClientContact.objects.filter(client=self.company),
                "people": users.order_by("last_name", "first_name"),
            }
        )
        return context


class ContactsView(ClientUserMixin, View):
    """The company's contacts form: at the first login, and later from «Mi empresa»."""

    template_name = "clients/contacts_form.html"

    def get(self, request):
        contacts = list(ClientContact.objects.filter(client=self.company))
        initial, count = ContactsForm.initial_for(contacts)
        return self.render(ContactsForm(initial=initial, technical_count=count))

    def post(self, request):
        form = ContactsForm(request.POST)
        if "add_contact" in request.POST:
            initial, count = form.initial_with_another_row()
            return self.render(ContactsForm(initial=initial, technical_count=count))
        if not form.is_valid():
            return self.render(form)

        try:
            save_client_contacts(
                client=self.company,
                contacts=form.cleaned_contacts,
                changed_by=request.user,
            )
        except ClientError as error:
            form.add_error(None, str(error))
            return self.render(form)
        messages.success(request, _("Your company's contacts were saved."))
        return redirect(safe_next(request))

    def render(self, form):
        saved = ClientContact.objects.filter(client=self.company)
        context = {
            "form": form,
            "company": self.company,
            "first_time": not contacts_are_complete(saved),
            "next": safe_next(self.request, default=""),
            "my_company_url": reverse("clients:my_company"),
        }
        return render(self.request, self.template_name, context)
