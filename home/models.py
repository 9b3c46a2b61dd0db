from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult


class HomePage(Page):
    """The site root: each client user lands on their company's dashboard here."""

    support_page = models.ForeignKey(
        "home.SharedPage",
        verbose_name=_("support methodology page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page behind the dashboard's «Soporte» card."),
    )

    content_panels = Page.content_panels + [FieldPanel("support_page")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.SharedPage", "clients.ClientIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from clients.access import client_of
        from clients.dashboard import dashboard_context

        context = super().get_context(request, *args, **kwargs)
        client = client_of(request)
        if client is not None:
            context.update(dashboard_context(client, home=self))
        return context

    def route(self, request, path_components):
        """Find a descendant by its URL path in one query instead of one per level.

        Wagtail walks the tree a level at a time, two queries each. No page type of
        this site routes its own sub-paths, so a direct lookup is equivalent.
        """
        if not path_components:
            return super().route(request, path_components)

        url_path = self.url_path + "/".join(path_components) + "/"
        page = Page.objects.filter(url_path=url_path, live=True).first()
        if page is None:
            raise Http404
        return RouteResult(page.specific)


class SharedPage(Page):
    """A page every client reads, such as the support methodology."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.SharedPage"]

    class Meta:
        verbose_name = _("shared page")


def _channel(value: int) -> float:
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def contrast_with_white(colour: str) -> float:
    """Return the WCAG contrast ratio of white text on ``colour`` (#rrggbb)."""
    red, green, blue = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    luminance = (
        0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)
    )
    return 1.05 / (luminance + 0.05)


def darker(colour: str, factor: float = 0.8) -> str:
    """Return ``colour`` (#rrggbb) darkened, for hover states."""
    channels = (int(colour[index : index + 2], 16) for index in (1, 3, 5))
    return "#" + "".join(f"{round(channel * factor):02x}" for channel in channels)


@register_setting(icon="image")
class BrandSettings(BaseSiteSetting):
    """The brand colour and logo of the client site, edited by marketing."""

    colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#0b5cab",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use the form #1a2b3c."))],
        help_text=_("Header and buttons; white text must be readable on it."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown in the header on the brand colour; a white logo works best."
        ),
    )

    panels = [FieldPanel("colour"), FieldPanel("logo")]

    class Meta:
        verbose_name = _("brand")

    def clean(self):
        super().clean()
        colour = self.colour or ""
        if len(colour) == 7 and contrast_with_white(colour) < 4.5:
            raise ValidationError(
                {
                    "colour": _(
                        "White text on this colour is hard to read (contrast "
                        "%(ratio).1f:1, at least 4.5:1 is needed). Choose a darker "
                        "colour."
                    )
                    % {"ratio": contrast_with_white(colour)}
                }
            )
