from django import forms
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm


class ClientAdminForm(WagtailAdminModelForm):
    """The staff form that opens or edits a client; saving provisions its area."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is None:
            return

        slug.required = False
        if self.instance.pk:
            # Addresses of the client's pages hang on the slug: keep them stable.
            slug.disabled = True
        else:
            slug.help_text = _("Leave it empty to make one from the name.")

    def clean_slug(self):
        if "name" not in self.cleaned_data:
            return ""  # the name's own error says what to fix

        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data["name"])
        if not slug:
            raise forms.ValidationError(_("Enter a name with letters or digits."))

        clash = type(self.instance).objects.filter(slug=slug)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another client already uses this slug."))
        return slug

    def save(self, commit=True):
        from .services import provision_client

        with transaction.atomic():
            client = super().save(commit=commit)
            if commit:
                provision_client(client=client)
        return client
