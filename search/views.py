from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from clients.access import client_of

from .visibility import visible_documents, visible_pages

RESULTS_PER_PAGE = 10


def search(request):
    """Search the pages and documents the asking user may open."""
    query = request.GET.get("q", "").strip()[:200]
    pages = documents = None
    if query:
        client = client_of(request)
        pages = Paginator(
            visible_pages(request.user, client).specific().search(query),
            RESULTS_PER_PAGE,
        ).get_page(request.GET.get("page"))
        documents = visible_documents(request.user, client).search(query)[:20]

    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "pages": pages, "documents": documents},
    )
