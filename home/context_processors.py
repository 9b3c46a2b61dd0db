from dataclasses import dataclass

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from wagtail.models import Site

from .models import BrandSettings, darker

#: Several app servers without a shared cache see a change within this delay.
BRAND_CACHE_SECONDS = 300


@dataclass(frozen=True)
class Brand:
    """What the templates need of the brand settings, cheap to cache."""

    colour: str
    logo_url: str = ""

    @property
    def version(self) -> str:
        """Changes with the colour, so browsers fetch the new stylesheet."""
        return self.colour.lstrip("#").lower()

    def stylesheet(self) -> str:
        dark = darker(self.colour)
        return f":root {{ --brand: {self.colour}; --brand-dark: {dark}; }}\n"


def brand_cache_key(site_id) -> str:
    return f"brand-settings:{site_id}"


def load_brand(site) -> Brand:
    settings = BrandSettings.for_site(site) if site else BrandSettings()
    logo_url = ""
    if settings.logo_id:
        logo_url = settings.logo.get_rendition("height-96").url
    return Brand(colour=settings.colour, logo_url=logo_url)


def brand_for(request) -> Brand:
    """Return the site's brand, from the cache when possible."""
    site = Site.find_for_request(request)
    key = brand_cache_key(site.pk if site else None)
    brand = cache.get(key)
    if brand is None:
        brand = load_brand(site)
        cache.set(key, brand, BRAND_CACHE_SECONDS)
    return brand


def brand(request):
    """Offer templates the brand colour and logo without a query per page."""
    return {"brand": SimpleLazyObject(lambda: brand_for(request))}
