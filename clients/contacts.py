"""The rule that says when a client's contacts are complete; the one place it lives.

The first-login redirect and the contacts form both ask it, so they never disagree.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

ADMINISTRATIVE = "administrative"
TECHNICAL = "technical"
REQUIRED_TECHNICAL = 2


@dataclass(frozen=True)
class ContactProblem:
    """What is missing: ``kind``, the 1-based ``number`` among its kind, ``field``."""

    kind: str
    number: int
    field: str
    message: str


def contact_problems(contacts: Iterable) -> list[ContactProblem]:
    """Return what keeps ``contacts`` from being complete; empty when complete.

    ``contacts`` are objects with ``kind``, ``name`` and ``email``, in their order:
    the client's saved contacts, or the rows of the form. Complete means one
    administrative contact with name and e-mail, technical contacts 1 and 2 with
    names, and a name on every further technical contact.
    """
    contacts = list(contacts)
    administrative = [c for c in contacts if c.kind == ADMINISTRATIVE]
    technical = [c for c in contacts if c.kind == TECHNICAL]
    problems = []

    first = administrative[0] if administrative else None
    if first is None or not first.name.strip():
        problems.append(
            ContactProblem(
                ADMINISTRATIVE,
                1,
                "name",
                _("Enter the name and surname of the administrative contact."),
            )
        )
    if first is None or not first.email.strip():
        problems.append(
            ContactProblem(
                ADMINISTRATIVE,
                1,
                "email",
                _("Enter the e-mail of the administrative contact."),
            )
        )

    for number in range(1, max(REQUIRED_TECHNICAL, len(technical)) + 1):
        contact = technical[number - 1] if number <= len(technical) else None
        if contact is not None and contact.name.strip():
            continue
        if number <= REQUIRED_TECHNICAL:
            message = _(
                "Technical contact %(number)s is required: enter their name and "
                "surname."
            )
        else:
            message = _("Enter the name and surname of technical contact %(number)s.")
        # The form numbers its rows itself; skipped empty rows must not shift them.
        shown = getattr(contact, "number", None) or number
        problems.append(
            ContactProblem(TECHNICAL, number, "name", message % {"number": shown})
        )
    return problems


def contacts_are_complete(contacts: Iterable) -> bool:
    return not contact_problems(contacts)
