from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from .models import BrandSettings

        post_save.connect(forget_cached_brand, sender=BrandSettings)


def forget_cached_brand(sender, instance, **kwargs):
    from django.core.cache import cache

    from .context_processors import brand_cache_key

    cache.delete(brand_cache_key(instance.site_id))
