from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .context_processors import brand_for


@login_not_required
@require_GET
def brand_stylesheet(request):
    """Serve the brand colour as CSS variables: a file, so no inline style is needed.

    The link carries the colour as a version, so the file can be cached for long.
    """
    response = HttpResponse(brand_for(request).stylesheet(), content_type="text/css")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def page_not_found(request, exception=None):
    """Render the 404 page without echoing the address that was asked for.

    The footer's language switch would otherwise carry it back in its form.
    """
    return render(request, "404.html", {"language_next": "/"}, status=404)
