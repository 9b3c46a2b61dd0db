from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class EmailAuthenticationForm(AuthenticationForm):
    """Log in with the e-mail address, which is also the user name."""

    username = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Enter a correct e-mail and password."),
        "inactive_client": _(
            "Your company's access to the extranet is not active. Please contact "
            "your account executive."
        ),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        membership = getattr(user, "client_membership", None)
        if membership is not None and not membership.client.is_active:
            raise forms.ValidationError(
                self.error_messages["inactive_client"], code="inactive_client"
            )
