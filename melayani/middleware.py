from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus the language redirect for machine-facing paths.

    A JSON 404 from the API must stay a 404, not become a redirect to /id/api/….
    """

    unprefixed_prefixes = ("/api/", "/admin/", "/documents/", "/static/", "/media/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.unprefixed_prefixes):
            return response
        return super().process_response(request, response)
