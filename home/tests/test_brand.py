from django.core.exceptions import ValidationError

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

import pytest

from conftest import login
from home.models import BrandSettings


def test_brand_colour_reaches_the_stylesheet_and_the_link_changes(client, acme_user):
    login(client, acme_user)
    brand = BrandSettings.for_site(Site.objects.get())
    brand.colour = "#7a1f5c"
    brand.save()

    page = client.get("/").content.decode()
    stylesheet = client.get("/marca.css?v=7a1f5c")

    assert 'href="/marca.css?v=7a1f5c"' in page
    assert stylesheet["Content-Type"].startswith("text/css")
    assert "--brand: #7a1f5c" in stylesheet.content.decode()


@pytest.mark.django_db
def test_a_colour_white_text_cannot_be_read_on_is_refused():
    brand = BrandSettings(site=Site.objects.get(), colour="#ffe066")

    with pytest.raises(ValidationError) as refused:
        brand.full_clean()

    assert "colour" in refused.value.message_dict


def test_the_logo_replaces_the_company_name_in_the_header(client, acme_user):
    logo = Image.objects.create(title="Logo", file=get_test_image_file("logo.png"))
    brand = BrandSettings.for_site(Site.objects.get())
    brand.logo = logo
    brand.save()
    login(client, acme_user)

    page = client.get("/").content.decode()

    assert 'class="brand__logo"' in page and 'alt="Nextvision"' in page
