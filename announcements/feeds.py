"""The Atom feed of one language's announcements, served by its index page at ``feed/``."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext

FEED_LENGTH = 20


class AnnouncementFeed(Feed):
    """Newest announcements first; entries link to the pages of the index's language."""

    feed_type = Atom1Feed

    def get_object(self, request, index_page):
        self.request = request
        self.language = index_page.locale.language_code
        return index_page

    def title(self, index_page):
        return f"{index_page.title} · {gettext('Banyuwangi Melayani')}"

    def subtitle(self, index_page):
        return index_page.introduction or None

    def link(self, index_page):
        return index_page.get_url(self.request)

    def feed_url(self, index_page):
        return index_page.feed_url(self.request)

    def author_name(self, index_page):
        return gettext("Banyuwangi Regency Government")

    def items(self, index_page):
        return index_page.announcements()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Atom carries the summary as HTML; the lead is plain text.
        return escape(item.lead)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name]
