"""sitemap.xml for the whole site: every live, public page of every language, with hreflang alternates.

Wagtail's own sitemap lists the descendants of the Site's root page only, that
is the Indonesian tree; the English pages are translations beside it.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Page

from core.privacy import visible_to_public


class LocalizedPageSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for translated_root in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=translated_root.path)
        return visible_to_public(Page.objects.filter(trees)).select_related("locale").order_by("path")

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = {}
        for version in (
            visible_to_public(Page.objects.filter(translation_key__in={item.translation_key for item in pages}))
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            versions.setdefault(version.translation_key, []).append(version)
        urls = []
        for item in pages:
            url_info = {"item": item, "location": item.get_full_url(self.request), "lastmod": self.lastmod(item)}
            url_info["alternates"] = alternates(versions.get(item.translation_key, []), self.request)
            urls.append(url_info)
        lastmods = [url_info["lastmod"] for url_info in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def alternates(versions, request):
    """``[{lang_code, location}, …]`` for a page available in several languages, plus ``x-default``."""
    links = [
        {"lang_code": version.locale.language_code, "location": version.get_full_url(request)} for version in versions
    ]
    links = [link for link in links if link["location"]]
    if len(links) < 2:
        return []
    default = next((link for link in links if link["lang_code"] == settings.LANGUAGE_CODE), links[0])
    return [*links, {"lang_code": "x-default", "location": default["location"]}]


def sitemap(request):
    """The view of ``/sitemap.xml``."""
    return sitemap_views.sitemap(request, sitemaps={"pages": LocalizedPageSitemap})
