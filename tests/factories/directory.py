"""Offices, their contacts and opening hours, services, and their English translations."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslatableObject, TranslationSource

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


def translate(page, texts=None, contacts=None, language_code="en"):
    """The published ``language_code`` translation of ``page``.

    ``texts`` maps segment paths (``title``, ``summary`` …) to translated text; the title
    defaults to the source's with the language added. ``contacts`` maps contacts of an
    office to ``{field: text}``.
    """
    texts = {"title": f"{page.title} ({language_code})", **(texts or {})}
    texts.update(contact_paths("contacts", (contacts or {}).items()))
    return translate_page(page, texts, locale(language_code)).specific


def delete_with_translations(*pages):
    """Take pages built outside a test's transaction away again: translations, children, localize records."""
    pages = [page for page in pages if page is not None]
    keys = set()
    for page in pages:
        for node in page.get_descendants(inclusive=True):
            keys.add(node.translation_key)
    keys |= set(
        ContactPerson.objects.filter(office__translation_key__in=keys).values_list("translation_key", flat=True)
    )
    TranslationSource.objects.filter(object_id__in=keys).delete()
    for page in Page.objects.filter(translation_key__in=[page.translation_key for page in pages]):
        page.delete()
    TranslatableObject.objects.filter(translation_key__in=keys).delete()
