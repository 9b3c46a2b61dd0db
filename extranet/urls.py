from django.conf import settings
from django.urls import include, path
from django.views.decorators.cache import cache_control

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views.serve import serve as serve_document

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Every document download is for one logged-in user: no shared cache may keep it.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        cache_control(private=True)(serve_document),
    ),
    path("documents/", include(wagtaildocs_urls)),
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
