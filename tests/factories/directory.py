"""Offices, their contacts and opening hours, services, and their English translations."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from core.translation import contact_paths, translate_page
from directory.models import (
    ContactLevel,
    ContactPerson,
    DirectoryIndexPage,
    OfficeKind,
    OfficePage,
    OpeningHours,
    OpeningHoursException,
    ServiceOfficer,
    ServicePage,
    Weekday,
)


def locale(language_code="id"):
    return Locale.objects.get(language_code=language_code)


def directory_index(language_code="id"):
    return DirectoryIndexPage.objects.get(locale__language_code=language_code)


class OfficePageFactory(wagtail_factories.PageFactory):
    """A published office under the Indonesian directory index, with no contacts or services."""

    class Meta:
        model = OfficePage

    parent = factory.LazyFunction(directory_index)
    title = factory.Sequence(lambda number: f"Dinas Percobaan {number}")
    slug = factory.Sequence(lambda number: f"dinas-percobaan-{number}")
    stable_slug = factory.SelfAttribute("slug")
    kind = OfficeKind.DINAS
    address = "Jl. Percobaan No. 1, Banyuwangi"
    phone = "(0333) 424000"


class ContactPersonFactory(DjangoModelFactory):
    class Meta:
        model = ContactPerson

    office = factory.SubFactory(OfficePageFactory)
    locale = factory.SelfAttribute("office.locale")
    key = factory.Sequence(lambda number: f"petugas-{number}")
    name = factory.Sequence(lambda number: f"Petugas Percobaan {number}")
    level = ContactLevel.TECHNICAL
    position = "Pelaksana Teknis"
    phone = "(0333) 424001"
    whatsapp = factory.Sequence(lambda number: f"+62 812-3456-{number % 10000:04d}")
    sort_order = factory.Sequence(int)


class OpeningHoursFactory(DjangoModelFactory):
    class Meta:
        model = OpeningHours

    office = factory.SubFactory(OfficePageFactory)
    sort_order = factory.Sequence(lambda number: number)  # shown in the order made, on every database
    first_day = Weekday.MON
    last_day = Weekday.FRI
    opens = datetime.time(8)
    closes = datetime.time(15)


class OpeningHoursExceptionFactory(DjangoModelFactory):
    """Other hours, or with ``closed=True`` a closure, of an office from ``first_date``."""

    class Meta:
        model = OpeningHoursException

    office = factory.SubFactory(OfficePageFactory)
    first_date = datetime.date(2027, 2, 8)
    opens = datetime.time(8)
    closes = datetime.time(14)


class ServicePageFactory(wagtail_factories.PageFactory):
    """A published service of a new office; give ``parent=`` to put it under an office of the test's own."""

    class Meta:
        model = ServicePage
        skip_postgeneration_save = True

    parent = factory.SubFactory(OfficePageFactory)
    title = factory.Sequence(lambda number: f"Layanan Percobaan {number}")
    slug = factory.Sequence(lambda number: f"layanan-percobaan-{number}")
    stable_slug = factory.SelfAttribute("slug")
    requirements = [("requirement", "Fotokopi KTP-el")]
    procedure = [("step", "Datang ke loket pelayanan")]
    duration = "1 hari kerja"
    cost = "Gratis"
    output = "Surat keterangan"

    @factory.post_generation
    def officers(self, create, contacts, **kwargs):
        """``officers=[contact, …]``: the service's responsible officers, in order."""
        for position, contact in enumerate(contacts or ()):
            ServiceOfficer.objects.create(page=self, contact=contact, sort_order=position)


def publish(page):
    """A revision published, as an editor leaves a page (freshness and moderation read revisions)."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def translate(page, texts=None, contacts=None, language_code="en", every_segment=False):
    """The published ``language_code`` translation of ``page``.

    ``texts`` maps segment paths (``title``, ``summary`` …) to translated text; the title
    defaults to the source's with the language added. ``contacts`` maps contacts of an
    office to ``{field: text}``. With ``every_segment``, each other text gets a translation
    too (the source's with the language added; the slug kept), as a translator leaves a page.
    """
    texts = {"title": f"{page.title} ({language_code})", **(texts or {})}
    texts.update(contact_paths("contacts", (contacts or {}).items()))
    if every_segment:
        texts = {**every_segment_of(page, language_code), **texts}
    return translate_page(page, texts, locale(language_code)).specific


def every_segment_of(page, language_code):
    """``{segment path: text}`` of each text of ``page``: the source's with the language added, the slug kept."""
    texts = {
        segment.path: f"{segment.string.render_text()} ({language_code})"
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    }
    if "slug" in texts:
        texts["slug"] = page.slug
    return texts
