"""The life events section: its index page under the home page, and the demo's events (``data/life_events.json``)."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from core.translation import ensure_bilingual_child, translate_page

from ..models import LifeEventIndexPage, LifeEventPage, LifeEventService, ServicePage
from ..translation import sync as translation_sync

LIFE_EVENTS_FILE = Path(__file__).resolve().parents[1] / "data" / "life_events.json"


def life_events_data(path=LIFE_EVENTS_FILE):
    """The index page's texts and the events, each with its services' stable identifiers in order."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def ensure_life_event_index(home, texts=None):
    """The life events index under ``home`` in both languages; what exists is left as it is."""
    english, _created = Locale.objects.get_or_create(language_code="en")
    return ensure_bilingual_child(home, LifeEventIndexPage, texts or life_events_data()["index"], english)


@dataclass
class EventsLoaded:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    missing_services: tuple = ()  # stable identifiers no published service has

    @property
    def changed(self):
        return bool(self.created or self.updated)


def _as_stored(page, english):
    """What an event record says, read from its page (to tell an unchanged event)."""
    translated = page.get_translation_or_none(english)
    return {
        "title": {"id": page.title, "en": translated.title if translated else None},
        "introduction": {"id": page.introduction, "en": translated.introduction if translated else None},
        "services": [link.service.stable_slug for link in page.service_links.select_related("service")],
    }


@transaction.atomic
def load_life_events(index, events, progress=None) -> EventsLoaded:
    """Create or update each event under ``index`` in both languages, keyed on its slug.

    An event lists those of its services that the directory has (a demo of a few offices
    has few); one with none of them is left out, and the missing identifiers are reported.
    """
    english, _created = Locale.objects.get_or_create(language_code="en")
    with translation_sync.suspended():  # both languages are written here
        return _load(index, events, english, progress)


def _load(index, events, english, progress):
    wanted = {slug for event in events for slug in event["services"]}
    services = {
        page.stable_slug: page for page in ServicePage.objects.filter(locale=index.locale, stable_slug__in=wanted)
    }
    report = EventsLoaded(missing_services=tuple(sorted(wanted - set(services))))
    for position, event in enumerate(events, 1):
        record = {**event, "services": [slug for slug in event["services"] if slug in services]}
        if record["services"]:
            _upsert_event(index, record, services, english, report)
        if progress:
            progress(position, len(events))
    return report


def _upsert_event(index, record, services, english, report):
    page = LifeEventPage.objects.filter(stable_slug=record["slug"], locale=index.locale).first()
    if page is not None:
        if _as_stored(page, english) == {key: record[key] for key in ("title", "introduction", "services")}:
            report.unchanged += 1
            return
        page = page.specific
        report.updated += 1
    else:
        page = LifeEventPage(stable_slug=record["slug"], slug=record["slug"])
        report.created += 1
    page.title = record["title"]["id"]
    page.introduction = record["introduction"]["id"]
    page.service_links = [
        LifeEventService(service=services[slug], sort_order=order) for order, slug in enumerate(record["services"])
    ]
    if page.pk is None:
        index.add_child(instance=page)
    page.save_revision().publish()
    english_texts = {"title": record["title"]["en"], "introduction": record["introduction"]["en"]}
    translate_page(page, {**english_texts, "slug": slugify(record["title"]["en"])}, english)
