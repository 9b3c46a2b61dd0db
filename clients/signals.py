"""Keep the client group in step with membership; note logins and deactivations."""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from wagtail.log_actions import log

from .accounts import MUST_CHANGE_PASSWORD, has_temporary_password
from .models import Client, ClientMembership

logger = logging.getLogger(__name__)


@receiver(post_save, sender=ClientMembership)
def join_client_group(sender, instance, **kwargs):
    client_groups = instance.user.groups.filter(client__isnull=False)
    instance.user.groups.remove(*client_groups.exclude(pk=instance.client.group_id))
    if instance.client.group_id:
        instance.user.groups.add(instance.client.group_id)


@receiver(post_delete, sender=ClientMembership)
def leave_client_group(sender, instance, **kwargs):
    if instance.client.group_id:
        instance.user.groups.remove(instance.client.group_id)


@receiver(user_logged_in)
def flag_temporary_password(sender, request, user, **kwargs):
    """Remember in the session, for the middleware, that the password must change."""
    if has_temporary_password(user):
        request.session[MUST_CHANGE_PASSWORD] = True
    else:
        request.session.pop(MUST_CHANGE_PASSWORD, None)


def _remember_active_state(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None or (update_fields and "is_active" not in update_fields):
        instance._was_active = None
        return
    instance._was_active = (
        sender.objects.filter(pk=instance.pk)
        .values_list("is_active", flat=True)
        .first()
    )


def _log_deactivation(action):
    def receiver_(sender, instance, created, **kwargs):
        if getattr(instance, "_was_active", None) and not instance.is_active:
            # The acting user comes from Wagtail's log context in admin views.
            log(instance=instance, action=action)
            logger.info("deactivated: %s pk=%s", sender._meta.label, instance.pk)

    return receiver_


log_user_deactivation = _log_deactivation("clients.user_deactivated")
log_client_deactivation = _log_deactivation("clients.client_deactivated")
pre_save.connect(_remember_active_state, sender=get_user_model())
post_save.connect(log_user_deactivation, sender=get_user_model())
pre_save.connect(_remember_active_state, sender=Client)
post_save.connect(log_client_deactivation, sender=Client)
