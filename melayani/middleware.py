from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.views.defaults import page_not_found


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus the language redirect for machine-facing paths.

    A JSON 404 from the API must stay a 404, not become a redirect to /id/api/….
    """

    unprefixed_prefixes = ("/api/", "/admin/", "/documents/", "/static/", "/media/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.unprefixed_prefixes):
            return response
        return super().process_response(request, response)


class SiteNotFoundPageMiddleware:
    """In development (``DEBUG``), an unknown page shows the site's own 404 page instead of Django's debug page.

    Only in ``settings.dev``: production already renders ``404.html``; the debug page would
    hide what a citizen sees. Errors other than "not found" keep Django's debug page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
