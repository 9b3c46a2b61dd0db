"""Keep every page of a client's area inside that area.

A copy, an alias or a move of a page out of a client's area is served without the
area's restriction, and one into another client's area is served to that client.
Wagtail allows both (its admin even creates aliases without checking page types), so
the admin hooks refuse them with a message, and the signal receivers below refuse
them again for any other path that reaches the models.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from .models import ClientPage

REFUSAL = _(
    "Pages of a client's area cannot be copied, aliased or moved out of it, nor into "
    "another client's area."
)


def area_holding(page: Page, *, inclusive: bool = True) -> int | None:
    """Return the id of the client area page that holds ``page``, if any."""
    return (
        ClientPage.objects.ancestor_of(page, inclusive=inclusive)
        .values_list("pk", flat=True)
        .first()
    )


def holds_client_material(page: Page) -> bool:
    """Whether ``page`` is in a client's area or has a client's area below it."""
    if area_holding(page) is not None:
        return True
    return ClientPage.objects.descendant_of(page).exists()


def may_copy(page: Page) -> bool:
    """Copies and aliases of client material are never made: they lose the area."""
    return not holds_client_material(page)


def may_move(page: Page, destination: Page) -> bool:
    """A page may move only where it stays under the same client area, or none."""
    return area_holding(page, inclusive=False) == area_holding(destination)


def refuse_escaping_moves(sender, instance, parent_page_after, **kwargs):
    if not may_move(instance, parent_page_after):
        raise PermissionDenied(str(REFUSAL))


def refuse_escaping_aliases(sender, instance, **kwargs):
    if not isinstance(instance, Page) or not instance._state.adding:
        return
    if instance.alias_of_id and holds_client_material(instance.alias_of):
        raise PermissionDenied(str(REFUSAL))
