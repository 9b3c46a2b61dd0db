from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

#: Rich text features for everything inside a client's area. Images are left out on
#: purpose: Wagtail serves every image publicly, so confidential material goes in
#: documents, which follow their collection's restriction.
CLIENT_RICH_TEXT_FEATURES = [
    "h3",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
]


class ServiceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("service"), max_length=200)
    text = blocks.RichTextBlock(
        label=_("description"), features=CLIENT_RICH_TEXT_FEATURES, required=False
    )
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("document")), label=_("documents"), default=[]
    )

    class Meta:
        icon = "doc-full"
        label = _("service")
        template = "components/service_block.html"


class ReportBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("date"))
    title = blocks.CharBlock(label=_("title"), max_length=200)
    summary = blocks.RichTextBlock(
        label=_("summary"), features=CLIENT_RICH_TEXT_FEATURES, required=False
    )
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("document")), label=_("documents"), default=[]
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("report")
        template = "components/report_block.html"
