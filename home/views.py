from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
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
