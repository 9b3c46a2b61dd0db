import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from clients.models import Client

from .subject import DEFAULT_SUBJECT_PATTERN, validate_subject_pattern

DESCRIPTION_MAX_LENGTH = 10_000


class Severity(models.TextChoices):
    S1 = "S1", _("S1: System down")
    S2 = "S2", _("S2: System operational, but seriously affected")
    S3 = "S3", _("S3: Problem or question")
    S4 = "S4", _("S4: Request for information")


#: When to choose each severity, shown beside its radio button.
SEVERITY_GUIDANCE = {
    Severity.S1: _("The service does not work and there is no workaround."),
    Severity.S2: _("It works, but with serious faults or very slowly."),
    Severity.S3: _("A limited fault, or a question about how to use it."),
    Severity.S4: _("A request for information, a planned change or an enquiry."),
}


class TicketQuerySet(models.QuerySet):
    def count(self):
        """Count once per queryset: the admin listing and its paginator both ask.

        At hundreds of thousands of tickets each count is a scan of the table.
        """
        if self._result_cache is not None:
            return len(self._result_cache)
        if not hasattr(self, "_known_count"):
            self._known_count = super().count()
        return self._known_count

    def needing_attention(self):
        """Return the tickets whose ``needs_attention`` is true, in one query."""
        grace = datetime.timedelta(seconds=settings.SUPPORT_DELIVERY_STALLED_AFTER)
        return self.filter(
            models.Q(status__in=[Ticket.Status.FAILED, Ticket.Status.BOUNCED])
            | models.Q(next_attempt_at__lt=timezone.now() - grace)
        )


class Ticket(models.Model):
    """A support request of a client user, and the delivery of its e-mails.

    The names and the e-mail are copies taken when the ticket is opened, so the
    ticket keeps saying who asked even after a rename. ``status`` and the fields
    after it follow the e-mail to the support mailbox; the acknowledgement to the
    requester has fields of its own.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENT = "sent", _("sent")
        DELIVERED = "delivered", _("delivered")
        BOUNCED = "bounced", _("bounced")
        FAILED = "failed", _("failed")

    # Empty (NULL, which never clashes) only inside the transaction that opens the
    # ticket, until its primary key is known; an empty string would make concurrent
    # openings wait on each other over the unique index.
    number = models.CharField(  # noqa: DJ001 (see above)
        _("number"), max_length=20, unique=True, null=True, editable=False
    )
    idempotency_key = models.UUIDField(
        _("idempotency key"), unique=True, editable=False
    )
    client = models.ForeignKey(
        Client,
        verbose_name=_("client"),
        on_delete=models.PROTECT,
        related_name="tickets",
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requester"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="tickets",
    )
    company_name = models.CharField(_("company"), max_length=200)
    requester_name = models.CharField(_("person"), max_length=300)
    requester_email = models.EmailField(_("person's e-mail"))
    severity = models.CharField(_("severity"), max_length=2, choices=Severity.choices)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH)
    created_at = models.DateTimeField(_("opened at"), default=timezone.now)

    status = models.CharField(
        _("state"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    message_id = models.CharField(
        _("provider message id"), max_length=255, blank=True, db_index=True
    )
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True)
    sent_at = models.DateTimeField(_("sent at"), null=True)
    tracked_at = models.DateTimeField(_("delivered or bounced at"), null=True)

    acknowledged_at = models.DateTimeField(_("acknowledgement sent at"), null=True)
    acknowledgement_attempts = models.PositiveIntegerField(
        _("acknowledgement attempts"), default=0
    )

    #: The job expected to make the next attempt; older jobs find it changed and stop.
    delivery_job = models.UUIDField(null=True, editable=False)
    #: When the next attempt is due; empty once nothing is left to send.
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True)

    objects = TicketQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        indexes = [
            models.Index(fields=["client", "-created_at"], name="ticket_client_newest"),
            models.Index(fields=["-created_at", "-id"], name="ticket_newest"),
            models.Index(fields=["status"], name="ticket_status"),
            models.Index(fields=["next_attempt_at"], name="ticket_next_attempt"),
        ]
        permissions = [("resend_ticket", _("Can resend a ticket's support e-mail"))]

    def __str__(self):
        return self.number or str(_("ticket being opened"))

    def get_absolute_url(self):
        return reverse("support:ticket_detail", args=[self.number])

    @property
    def severity_guidance(self):
        return SEVERITY_GUIDANCE[self.severity]

    @property
    def needs_attention(self) -> bool:
        """Whether the support mailbox may never have received this ticket."""
        return (
            self.status in (self.Status.FAILED, self.Status.BOUNCED) or self.is_stalled
        )

    @property
    def is_stalled(self) -> bool:
        """Whether a delivery is overdue: its worker was lost or none is running."""
        if self.next_attempt_at is None:
            return False
        grace = datetime.timedelta(seconds=settings.SUPPORT_DELIVERY_STALLED_AFTER)
        return self.next_attempt_at < timezone.now() - grace

    @property
    def owes_acknowledgement(self) -> bool:
        return (
            self.acknowledged_at is None
            and self.acknowledgement_attempts < settings.SUPPORT_DELIVERY_MAX_ATTEMPTS
        )


@register_setting(icon="help")
class SupportSettings(BaseSiteSetting):
    """Where tickets go and what they promise; staff edit it in Settings → Support."""

    mailbox = models.EmailField(
        _("support mailbox"),
        default="soporte@nextvision.com",
        help_text=_("Every ticket is sent to this address."),
    )
    subject_pattern = models.CharField(
        _("subject of the support e-mail"),
        max_length=200,
        default=DEFAULT_SUBJECT_PATTERN,
        validators=[validate_subject_pattern],
        help_text=_(
            "Placeholders: {severity} (S1 to S4), {severity_label}, {company}, "
            "{person}, {email} (the person's) and {number}."
        ),
    )
    s1_response_target = models.CharField(
        _("S1 response target"), max_length=100, default="30 minutos"
    )
    s2_response_target = models.CharField(
        _("S2 response target"), max_length=100, default="2 horas hábiles"
    )
    s3_response_target = models.CharField(
        _("S3 response target"), max_length=100, default="8 horas hábiles"
    )
    s4_response_target = models.CharField(
        _("S4 response target"), max_length=100, default="2 días hábiles"
    )

    panels = [
        FieldPanel("mailbox"),
        FieldPanel("subject_pattern"),
        MultiFieldPanel(
            [
                FieldPanel("s1_response_target"),
                FieldPanel("s2_response_target"),
                FieldPanel("s3_response_target"),
                FieldPanel("s4_response_target"),
            ],
            heading=_("Response targets"),
        ),
    ]

    class Meta:
        verbose_name = _("support")

    def response_target(self, severity: str) -> str:
        return getattr(self, f"{severity.lower()}_response_target")

    @cached_property
    def response_targets(self) -> dict[str, str]:
        return {severity: self.response_target(severity) for severity in Severity}
