"""What one user may find: the pages and documents they could open, nothing else.

The search view that ``wagtail start`` generates lists private pages to anyone, and
``.public()`` hides a client's own pages from that client too, so results are
filtered here per user, inside the search query itself.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from clients.models import ClientIndexPage


def _failed(restrictions: QuerySet, user, through_field: str) -> QuerySet:
    """Keep the restrictions that ``user`` does not pass."""
    if user.is_superuser:
        return restrictions.none()

    membership = restrictions.model.groups.through.objects.filter(
        **{through_field: OuterRef("pk")}, group__user=user.pk
    )
    passed = Q(restriction_type=BaseViewRestriction.LOGIN) | Q(
        restriction_type=BaseViewRestriction.GROUPS, user_in_group=True
    )
    return restrictions.annotate(user_in_group=Exists(membership)).exclude(passed)


def visible_pages(user, client=None) -> QuerySet:
    """Return the live pages ``user`` (of ``client``, if any) may open."""
    pages = Page.objects.live().filter(depth__gt=1)
    if user.is_superuser:
        return pages

    # All client areas are out of sight but the user's own: one condition, however
    # many clients there are.
    index = ClientIndexPage.objects.first()
    if index is not None:
        allowed = ~Q(path__startswith=index.path)
        if client is not None and getattr(client, "page", None) is not None:
            allowed |= Q(path__startswith=client.page.path)
        pages = pages.filter(allowed)

    # Any other restriction an editor set by hand counts too.
    others = PageViewRestriction.objects.select_related("page")
    if index is not None:
        others = others.exclude(page__path__startswith=index.path)
    for restriction in _failed(others, user, "pageviewrestriction_id"):
        pages = pages.exclude(path__startswith=restriction.page.path)
    return pages


def visible_documents(user, client=None) -> QuerySet:
    """Return the documents ``user`` (of ``client``, if any) may download."""
    documents = get_document_model().objects.all()
    if user.is_superuser:
        return documents

    collections = Collection.objects.all()
    clients_root = Collection.objects.filter(client__isnull=False).first()
    if clients_root is not None:
        clients_root = clients_root.get_parent()
        allowed = ~Q(path__startswith=clients_root.path)
        if client is not None and client.collection_id:
            allowed |= Q(pk=client.collection_id)
        collections = collections.filter(allowed)

    others = CollectionViewRestriction.objects.select_related("collection")
    if clients_root is not None:
        others = others.exclude(collection__path__startswith=clients_root.path)
    for restriction in _failed(others, user, "collectionviewrestriction_id"):
        collections = collections.exclude(path__startswith=restriction.collection.path)
    return documents.filter(
        collection_id__in=list(collections.values_list("pk", flat=True))
    )
