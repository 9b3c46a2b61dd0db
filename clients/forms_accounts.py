"""Forms of client accounts: the contacts, staff adding a user, the password reset."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.password_validation import validate_password
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from .contacts import ADMINISTRATIVE, REQUIRED_TECHNICAL, TECHNICAL, contact_problems

MAX_TECHNICAL_CONTACTS = 20
NUMBER_PLACEHOLDER = "__number__"


def technical_field_name(number, field: str) -> str:
    return f"technical_{number}_{field}"


class ContactsForm(forms.Form):
    """A company's contacts: one administrative contact and two or more technical.

    Every field is optional to Django: ``clients.contacts.contact_problems`` alone
    says what is missing, so the form and the first-login redirect agree.
    ``technical_count`` says how many technical rows the form has; "add another"
    raises it.
    """

    admin_name = forms.CharField(
        label=_("Name and surname of the administrative contact"),
        max_length=200,
        required=False,
    )
    admin_email = forms.EmailField(
        label=_("E-mail of the administrative contact"), required=False
    )
    technical_count = forms.IntegerField(
        widget=forms.HiddenInput, min_value=REQUIRED_TECHNICAL, required=False
    )

    def __init__(self, *args, technical_count: int = REQUIRED_TECHNICAL, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            try:
                technical_count = int(self.data.get("technical_count"))
            except (TypeError, ValueError):
                technical_count = REQUIRED_TECHNICAL
        self.technical_count = min(
            max(technical_count, REQUIRED_TECHNICAL), MAX_TECHNICAL_CONTACTS
        )
        self.initial["technical_count"] = self.technical_count
        self.fields["technical_count"].initial = self.technical_count

        for number in range(1, self.technical_count + 1):
            self.fields.update(self.technical_fields(number))
        for name in self.required_fields():
            self.fields[name].widget.attrs["aria-required"] = "true"

    @staticmethod
    def technical_fields(number) -> dict:
        """The two fields of technical contact ``number`` (a placeholder in JS rows)."""
        return {
            technical_field_name(number, "name"): forms.CharField(
                label=_("Name and surname of technical contact %(number)s")
                % {"number": number},
                max_length=200,
                required=False,
            ),
            technical_field_name(number, "email"): forms.EmailField(
                label=_("E-mail of technical contact %(number)s") % {"number": number},
                required=False,
            ),
        }

    def required_fields(self) -> set[str]:
        names = {"admin_name", "admin_email"}
        names.update(
            technical_field_name(number, "name")
            for number in range(1, REQUIRED_TECHNICAL + 1)
        )
        return names

    def technical_rows(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [
            (
                number,
                self[technical_field_name(number, "name")],
                self[technical_field_name(number, "email")],
            )
            for number in range(1, self.technical_count + 1)
        ]

    def prototype_row(self) -> tuple[forms.BoundField, forms.BoundField]:
        """An empty technical row numbered with a placeholder, for the script."""
        prototype = forms.Form(auto_id=self.auto_id)
        prototype.fields.update(self.technical_fields(NUMBER_PLACEHOLDER))
        return (
            prototype[technical_field_name(NUMBER_PLACEHOLDER, "name")],
            prototype[technical_field_name(NUMBER_PLACEHOLDER, "email")],
        )

    def clean(self):
        cleaned = super().clean()
        rows = self._rows(cleaned)
        contacts = [contact for _number, contact in rows]
        field_of = {("administrative", 1, "name"): "admin_name"}
        field_of[("administrative", 1, "email")] = "admin_email"
        technical_numbers = [number for number, c in rows if c.kind == TECHNICAL]

        for problem in contact_problems(contacts):
            if problem.kind == TECHNICAL:
                numbers = technical_numbers
                index = problem.number - 1
                row = numbers[index] if index < len(numbers) else problem.number
                field = technical_field_name(row, problem.field)
            else:
                field = field_of[(problem.kind, problem.number, problem.field)]
            if field in self.fields and field not in self.errors:
                self.add_error(field, str(problem.message))
        self.cleaned_contacts = contacts
        return cleaned

    def _rows(self, cleaned) -> list:
        """Return (row number, contact) pairs; empty optional rows are dropped."""
        from .models import ClientContact

        rows = [
            (
                0,
                ClientContact(
                    kind=ADMINISTRATIVE,
                    name=cleaned.get("admin_name") or "",
                    email=cleaned.get("admin_email") or "",
                ),
            )
        ]
        for number in range(1, self.technical_count + 1):
            name = cleaned.get(technical_field_name(number, "name")) or ""
            email = cleaned.get(technical_field_name(number, "email")) or ""
            if number > REQUIRED_TECHNICAL and not (name.strip() or email.strip()):
                continue
            contact = ClientContact(kind=TECHNICAL, name=name, email=email)
            contact.number = number
            rows.append((number, contact))
        return rows

    @classmethod
    def initial_for(cls, contacts) -> tuple[dict, int]:
        """Return the initial data and the row count for the saved ``contacts``."""
        initial = {}
        administrative = [c for c in contacts if c.kind == ADMINISTRATIVE]
        technical = [c for c in contacts if c.kind == TECHNICAL]
        if administrative:
            initial["admin_name"] = administrative[0].name
            initial["admin_email"] = administrative[0].email
        for number, contact in enumerate(technical, start=1):
            initial[technical_field_name(number, "name")] = contact.name
            initial[technical_field_name(number, "email")] = contact.email
        return initial, max(REQUIRED_TECHNICAL, len(technical))

    def initial_with_another_row(self) -> tuple[dict, int]:
        """Return what was typed, for an unbound form with one more empty row."""
        initial = {
            name: self.data.get(name, "")
            for name in self.fields
            if name != "technical_count"
        }
        return initial, self.technical_count + 1


class ClientUserAdminForm(forms.Form):
    """Staff add a user to a client: by invitation, or with a temporary password."""

    INVITE = "invite"
    TEMPORARY_PASSWORD = "temporary_password"  # noqa: S105 (a choice value)

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    access = forms.ChoiceField(
        label=_("How the user gets in"),
        choices=[
            (INVITE, _("Send an invitation to set a password (recommended)")),
            (TEMPORARY_PASSWORD, _("Set a temporary password, to change at login")),
        ],
        initial=INVITE,
        widget=forms.RadioSelect,
    )
    password = forms.CharField(
        label=_("Temporary password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=True, attrs={"autocomplete": "off"}),
        help_text=_("At least 12 characters. Give it to the user by another channel."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user_model = get_user_model()
        if user_model.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("A user with this e-mail already exists."))
        return email

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("access") != self.TEMPORARY_PASSWORD:
            return cleaned
        if not cleaned.get("password"):
            self.add_error("password", _("Enter the temporary password."))
            return cleaned

        # Django's validators, with the user as it will be, to compare names too.
        future_user = get_user_model()(
            username=cleaned.get("email", ""),
            email=cleaned.get("email", ""),
            first_name=cleaned.get("first_name", ""),
            last_name=cleaned.get("last_name", ""),
        )
        try:
            validate_password(cleaned["password"], future_user)
        except forms.ValidationError as error:
            self.add_error("password", error)
        return cleaned


class ClientPasswordResetForm(PasswordResetForm):
    """Send a reset link, or a fresh invitation to a user who never set a password.

    Django's form skips users without a usable password; here an invited user
    who lost the invitation gets a new one. The page after it says the same
    whatever the e-mail, so nobody learns whether an address has an account.
    """

    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def recipients(self):
        email = self.cleaned_data["email"].strip()
        users = get_user_model().objects.filter(email__iexact=email, is_active=True)
        for user in users.select_related("client_membership__client"):
            membership = getattr(user, "client_membership", None)
            if membership is not None and not membership.client.is_active:
                continue
            yield user, membership

    def save(self, **kwargs):
        """Send the e-mails; the arguments of Django's view are not needed here."""
        from django.contrib.auth.tokens import default_token_generator

        from .accounts import absolute_url
        from .emails import send_templated_email
        from .services import send_invitation

        for user, membership in self.recipients():
            if membership is not None and not user.has_usable_password():
                send_invitation(user=user)
                continue

            path = reverse(
                "clients:password_reset_confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": default_token_generator.make_token(user),
                },
            )
            send_templated_email(
                to=user.email,
                template="password_reset",
                context={"user": user, "url": absolute_url(path)},
                tag="password-reset",
            )
