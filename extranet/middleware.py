import time

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control


class SiteLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Send anonymous visitors of any front-end URL to the login page.

    The Wagtail admin is left out because it has a login page and a permission check
    of its own; views that must stay open (login, password reset, webhooks) are
    marked with ``login_not_required``.
    """

    open_prefixes = ("/admin/",)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(self.open_prefixes):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class IdleSessionMiddleware:
    """End sessions after ``SESSION_COOKIE_AGE`` seconds without a request.

    Saving the session on every request would make the expiry exact but costs a
    write per request; refreshing it every ``SESSION_REFRESH_SECONDS`` keeps the
    idle timeout within that margin for a write every few minutes.
    """

    stamp_key = "_refreshed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            refreshed_at = request.session.get(self.stamp_key, 0)
            if now - refreshed_at >= settings.SESSION_REFRESH_SECONDS:
                request.session[self.stamp_key] = now
        return self.get_response(request)


class SiteLanguageMiddleware:
    """Speak the site's language unless the visitor chose another one.

    Django's LocaleMiddleware follows the browser's Accept-Language, which would show
    an English page to a client whose browser happens to be in English; the customer
    wants the Spanish texts by default. The choice made with the footer's language
    switch (Django's ``set_language`` view) is kept in a cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = settings.LANGUAGE_CODE
        if chosen and translation.check_for_language(chosen):
            language = translation.get_supported_language_variant(chosen)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


class PrivateResponsesMiddleware:
    """Mark every page served to a logged-in user as private.

    The home, "Mis tickets" and the rest show one company's data without a Wagtail
    restriction on the page itself; no proxy or CDN in front of the site may keep
    them and hand them to someone else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response
