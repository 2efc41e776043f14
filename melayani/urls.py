from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from announcements import sitemaps
from core import api as core_api
from directory.transfer import vcards
from feedback import urls as feedback_urls
from melayani import offline
from melayani import views as site_views
from melayani.api import api
from search import urls as search_urls
from search import views as search_views

# A database locked or down outside a view (in a middleware) is a 503 too.
handler500 = "core.unavailable.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", core_api.not_found),  # before ninja's own root view, which raises an HTML 404
    path("api/", api.urls),
    re_path(r"^api/", core_api.not_found),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", site_views.robots_txt, name="robots-txt"),
    # At the root, so that the worker's scope is the whole site (melayani/offline.py).
    path("sw.js", offline.service_worker, name="service-worker"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language: /id/… (default) and /en/….
urlpatterns += i18n_patterns(
    path("search/", search_views.search_page, name="search"),
    path("manifest.webmanifest", offline.manifest, name="web-app-manifest"),
    path("offline/", offline.offline_page, name="offline-page"),
    path("search/", include(search_urls.urlpatterns)),
    path("vcard/<slug:key>.vcf", vcards.contact_vcard, name="contact-vcard"),
    path("feedback/", include(feedback_urls.urlpatterns)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
