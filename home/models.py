from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
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
