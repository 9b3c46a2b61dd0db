from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.generic import RedirectView
from django.views.i18n import set_language

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views.serve import serve as serve_document

from home import views as home_views


def password_restrictions_unused(request, *args, **kwargs):
    """The extranet restricts by group only; Wagtail's password forms stay shut."""
    raise Http404


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        password_restrictions_unused,
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        password_restrictions_unused,
    ),
    # Wagtail's own front-end login would be a second door; ours has the lockout
    # page, the reset link and the Spanish texts.
    path(
        "_util/login/",
        login_not_required(
            RedirectView.as_view(pattern_name="clients:login", query_string=True)
        ),
    ),
    # Every document download is for one logged-in user: no shared cache may keep it.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        cache_control(private=True)(serve_document),
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("marca.css", home_views.brand_stylesheet, name="brand_stylesheet"),
    path("buscar/", include("search.urls")),
    # The language switch works on the login page too.
    path("idioma/", login_not_required(set_language), name="set_language"),
    path("", include("clients.urls")),
    path("", include("support.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only: document files must never be reachable outside the serve view.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/",
            document_root=settings.MEDIA_ROOT / folder,
        )

urlpatterns += [path("", include(wagtail_urls))]
handler404 = "home.views.page_not_found"
