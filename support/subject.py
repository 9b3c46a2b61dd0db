"""The support e-mail's subject: its editable pattern and header-safe values.

Every value that goes into a header passes through ``header_safe``, so a company or
person name holding line breaks or control characters stays on one harmless line.
"""

import logging
import string
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

SUBJECT_PLACEHOLDERS = (
    "severity",
    "severity_label",
    "company",
    "person",
    "email",
    "number",
)
DEFAULT_SUBJECT_PATTERN = "[{severity}] {company} — {person} — {number}"

# Control, format (such as bidirectional overrides), surrogate, private-use and
# unassigned characters, and the Unicode line and paragraph separators.
_UNSAFE_CATEGORIES = ("C", "Zl", "Zp")


def header_safe(value: str) -> str:
    """Return ``value`` on one line: unsafe characters become spaces, runs collapse."""
    spaced = "".join(
        " " if unicodedata.category(char).startswith(_UNSAFE_CATEGORIES) else char
        for char in str(value)
    )
    return " ".join(spaced.split())


def _placeholders_of(pattern: str) -> list[tuple[str, str, str | None]]:
    """Return (name, format spec, conversion) of each placeholder in ``pattern``."""
    return [
        (name, spec, conversion)
        for _literal, name, spec, conversion in string.Formatter().parse(pattern)
        if name is not None
    ]


def validate_subject_pattern(pattern: str) -> None:
    """Refuse a pattern with unpaired braces or with an unknown placeholder."""
    allowed = ", ".join(f"{{{name}}}" for name in SUBJECT_PLACEHOLDERS)
    try:
        placeholders = _placeholders_of(pattern)
    except ValueError as error:
        raise ValidationError(
            _(
                "The braces of the pattern do not pair up. Placeholders are written "
                "like {company}; for a literal brace write {{ or }}."
            ),
            code="unpaired_braces",
        ) from error

    for name, spec, conversion in placeholders:
        # Only bare names: attribute access, indexes, conversions and format
        # specifications could reach into the objects behind the values.
        if name not in SUBJECT_PLACEHOLDERS or spec or conversion:
            written = name + (f"!{conversion}" if conversion else "")
            written += f":{spec}" if spec else ""
            raise ValidationError(
                _(
                    "The placeholder {%(placeholder)s} does not exist. "
                    "Use: %(allowed)s."
                ),
                code="unknown_placeholder",
                params={"placeholder": written, "allowed": allowed},
            )


def render_subject(pattern: str, values: dict[str, str]) -> str:
    """Fill ``pattern`` with header-safe ``values``, or the default where it is bad."""
    safe_values = {
        name: header_safe(values.get(name, "")) for name in SUBJECT_PLACEHOLDERS
    }
    try:
        validate_subject_pattern(pattern)
    except ValidationError:
        # Only a pattern saved around the admin form's validation can land here.
        logger.warning("invalid support subject pattern; using the default")
        pattern = DEFAULT_SUBJECT_PATTERN
    return header_safe(pattern.format_map(safe_values))
