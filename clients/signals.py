"""Keep the group that Wagtail's restrictions read in step with client membership."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import ClientMembership


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
