"""Who may see a page or a document: the one place that decides it.

Wagtail's own check answers a logged-in user of another client with a redirect to
the login page (its issue #4297), which tells them the page exists, and it costs
several queries a request. This module answers such a user with a 404, in one query.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from wagtail.models import BaseViewRestriction, PageViewRestriction


def ancestor_paths(page) -> list[str]:
    """Return the tree paths of ``page`` and of all its ancestors."""
    return [
        page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)
    ]


def restrictions_for(page, user):
    """Return the restrictions covering ``page``, each with ``user_in_group`` set.

    Restrictions on the originals of aliased ancestors count too, as in Wagtail.
    """
    paths = ancestor_paths(page)
    membership = PageViewRestriction.groups.through.objects.filter(
        pageviewrestriction_id=OuterRef("pk"), group__user=user.pk
    )
    return (
        PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        )
        .annotate(user_in_group=Exists(membership))
        .distinct()
    )


def user_passes(restriction, user) -> bool:
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        return user.is_superuser or restriction.user_in_group
    return restriction.restriction_type == BaseViewRestriction.LOGIN


def check_page_access(page, request) -> bool:
    """Raise Http404 where a logged-in user may not see ``page``.

    Return whether any restriction covers the page, so that the caller can keep the
    response out of shared caches. Anonymous visitors are left to Wagtail, which sends
    them to the login page.
    """
    restrictions = list(restrictions_for(page, request.user))
    if any(
        restriction.restriction_type == BaseViewRestriction.PASSWORD
        for restriction in restrictions
    ):
        raise Http404  # the extranet never uses password restrictions

    if not all(user_passes(restriction, request.user) for restriction in restrictions):
        raise Http404
    return bool(restrictions)


def membership_of(request):
    """Return the requesting user's client membership, loaded once per request."""
    if not hasattr(request, "_client_membership"):
        from .models import ClientMembership

        request._client_membership = (
            ClientMembership.objects.select_related(
                "client__account_executive", "client__page"
            )
            .filter(user_id=request.user.pk)
            .first()
            if request.user.is_authenticated
            else None
        )
    return request._client_membership


def client_of(request):
    """Return the requesting user's client company, or None for staff and visitors."""
    membership = membership_of(request)
    return membership.client if membership else None
