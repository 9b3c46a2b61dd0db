from django.contrib.auth.middleware import LoginRequiredMiddleware


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
