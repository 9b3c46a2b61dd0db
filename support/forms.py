from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DESCRIPTION_MAX_LENGTH, Severity


class DescriptionField(forms.CharField):
    """A text field that counts a line break as one character, as the browser does."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class TicketForm(forms.Form):
    """What a client user writes in a ticket; who they are comes from their login.

    The company and the person are not fields at all, so nothing posted can set them.
    """

    description = DescriptionField(
        label=_("Reason for opening / Description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": _("Describe the reason for opening the ticket."),
            "max_length": _(
                "The description can have at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
    )
    severity = forms.ChoiceField(
        label=_("Severity"),
        choices=Severity.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the severity: exactly one of S1, S2, S3 or S4."),
            "invalid_choice": _("Choose one of the four severities."),
        },
    )
    idempotency_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("The form is incomplete. Send it again, please."),
            "invalid": _("The form is incomplete. Send it again, please."),
        },
    )

    def clean(self):
        cleaned_data = super().clean()
        if self.has_error("idempotency_key"):
            # A hidden field has no place to show its error: show it above the form.
            self.add_error(None, self.errors.pop("idempotency_key"))
        return cleaned_data
