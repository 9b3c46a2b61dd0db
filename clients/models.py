from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.http import Http404
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Collection, Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from .blocks import ReportBlock, ServiceBlock
from .forms import ClientAdminForm
from .panels import ClientPeoplePanel


def tel_uri(phone: str) -> str:
    """Return ``phone`` as a ``tel:`` URI: a leading plus and the digits."""
    digits = "".join(char for char in phone if char.isdigit())
    return f"tel:{'+' if phone.strip().startswith('+') else ''}{digits}"


class AccountExecutive(models.Model):
    """A Nextvision account executive; one looks after many clients."""

    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"))

    panels = [FieldPanel("name"), FieldPanel("phone"), FieldPanel("email")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("account executive")
        verbose_name_plural = _("account executives")

    def __str__(self):
        return self.name

    @property
    def phone_uri(self) -> str:
        return tel_uri(self.phone)


class Client(ClusterableModel):
    """A client company, with the group, collection and pages that keep it apart."""

    name = models.CharField(_("company name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Used in the addresses of the client's pages; never changes."),
    )
    account_executive = models.ForeignKey(
        AccountExecutive,
        verbose_name=_("account executive"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clients",
    )
    has_project_reports = models.BooleanField(
        _("has project reports"),
        default=False,
        help_text=_("Shows the «Informes de Documentos de Proyecto» section."),
    )
    is_active = models.BooleanField(_("is active"), default=True)
    group = models.OneToOneField(
        Group,
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="client",
    )
    collection = models.OneToOneField(
        Collection,
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="client",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    base_form_class = ClientAdminForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("account_executive"),
        FieldPanel("has_project_reports"),
        FieldPanel("is_active"),
        ClientPeoplePanel(heading=_("Users and contacts")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("client")
        verbose_name_plural = _("clients")

    def __str__(self):
        return self.name


class ClientContact(Orderable):
    """A contact person of a client company, collected at its users' first login."""

    class Kind(models.TextChoices):
        ADMINISTRATIVE = "administrative", _("administrative")
        TECHNICAL = "technical", _("technical")

    client = ParentalKey(Client, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name and surname"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class ClientMembership(models.Model):
    """Ties a user to the one client company they belong to."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="client_membership",
    )
    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="memberships"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    #: When the last invitation went out; a new one makes the older links useless.
    invited_at = models.DateTimeField(_("invited at"), null=True, editable=False)

    class Meta:
        verbose_name = _("client user")
        verbose_name_plural = _("client users")

    def __str__(self):
        return f"{self.user} ({self.client})"


class TemporaryPassword(models.Model):
    """Marks a password that staff set and its owner must change at first login.

    It holds a fingerprint of the password hash it was set for, so any change of
    password, through whatever view, ends the requirement without a hook.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="temporary_password",
    )
    fingerprint = models.CharField(max_length=64, editable=False)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("temporary password")
        verbose_name_plural = _("temporary passwords")

    def __str__(self):
        return str(self.user)

    def is_current(self) -> bool:
        """Whether the user still has the password staff set."""
        return self.fingerprint == password_fingerprint(self.user)


def password_fingerprint(user) -> str:
    """Return a keyed digest of the user's password hash, never the hash itself."""
    return salted_hmac("clients.TemporaryPassword", user.password).hexdigest()


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """The general contact that the home card shows where a client has no executive."""

    name = models.CharField(_("name"), max_length=200, default="Nextvision")
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), default="info@nextvision.com")

    panels = [FieldPanel("name"), FieldPanel("phone"), FieldPanel("email")]

    class Meta:
        verbose_name = _("general contact")

    def __str__(self):
        return self.name

    @property
    def phone_uri(self) -> str:
        return tel_uri(self.phone)


class ClientIndexPage(Page):
    """Holds one page per client; nobody browses it."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["clients.ClientPage"]
    max_count = 1

    class Meta:
        verbose_name = _("client index")

    def serve(self, request, *args, **kwargs):
        raise Http404


class ClientPage(Page):
    """A client's own area, restricted to the client's group.

    Created only by provisioning, so that no client page exists without its group,
    collection and restriction.
    """

    client = models.OneToOneField(
        Client, null=True, on_delete=models.PROTECT, related_name="page"
    )

    content_panels = Page.content_panels
    parent_page_types = ["clients.ClientIndexPage"]
    subpage_types = ["clients.ServicesPage", "clients.ProjectReportsPage"]
    is_creatable = False

    class Meta:
        verbose_name = _("client area")

    def get_context(self, request, *args, **kwargs):
        from .dashboard import dashboard_context

        context = super().get_context(request, *args, **kwargs)
        context.update(dashboard_context(self.client))
        return context


class ClientSectionPage(Page):
    """Shared behaviour of the pages inside a client's area."""

    parent_page_types = ["clients.ClientPage"]
    subpage_types = []
    is_creatable = False
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @cached_property
    def client(self):
        area = ClientPage.objects.ancestor_of(self).select_related("client").first()
        return area.client if area else None


class ServicesPage(ClientSectionPage):
    """The documents of the services a client has contracted."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        default="Conocé el detalle de los servicios contratados por tu empresa",
    )
    services = StreamField(
        [("service", ServiceBlock())], verbose_name=_("services"), blank=True
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("services")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("services"),
    ]

    class Meta:
        verbose_name = _("services page")


class ProjectReportsPage(ClientSectionPage):
    """Project document reports, for the clients that have them."""

    intro = models.TextField(_("introduction"), blank=True)
    reports = StreamField(
        [("report", ReportBlock())], verbose_name=_("reports"), blank=True
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("reports")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("reports"),
    ]

    class Meta:
        verbose_name = _("project reports page")

    def reports_newest_first(self):
        return sorted(self.reports, key=lambda block: block.value["date"], reverse=True)
