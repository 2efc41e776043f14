"""Announcement pages under the session's announcement index, in a category of their locale."""

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from announcements.models import AnnouncementCategory, AnnouncementIndexPage, AnnouncementPage, RelatedOffice


def announcement_index(language_code="id"):
    return AnnouncementIndexPage.objects.get(locale__language_code=language_code)


def category(code, locale):
    return AnnouncementCategory.objects.get(code=code, locale=locale)


class AnnouncementPageFactory(wagtail_factories.PageFactory):
    """A published announcement; ``category_code`` picks one of the four fixed categories."""

    class Meta:
        model = AnnouncementPage
        skip_postgeneration_save = True

    class Params:
        category_code = "news"

    parent = factory.LazyFunction(announcement_index)
    title = factory.Sequence(lambda number: f"Pengumuman percobaan {number}")
    slug = factory.Sequence(lambda number: f"pengumuman-percobaan-{number}")
    stable_slug = factory.SelfAttribute("slug")
    date = factory.LazyFunction(timezone.localdate)
    lead = "Warga dapat mengurus layanan seperti biasa."
    category = factory.LazyAttribute(
        lambda page: category(page.category_code, page.parent.locale if page.parent else Locale.get_default())
    )

    @factory.post_generation
    def offices(self, create, offices, **kwargs):
        """``offices=[office, …]``: the offices the announcement concerns."""
        if offices:
            self.related_offices = [RelatedOffice(office=office) for office in offices]
            self.save()
