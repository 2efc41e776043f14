"""Demo announcements in both languages (``data/demo.json``), dated relative to the day the demo is loaded.

Keyed on stable identifiers: a second run finds them all and changes nothing. ``load`` is
what the project's ``load_demo`` calls, after the directory's demo (the news name offices).
"""

import datetime
import functools
import io
import json
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText

from core.demo import DemoLoaded
from core.translation import translate_page
from directory.models import OfficePage

from .models import AnnouncementCategory, AnnouncementPage, RelatedOffice
from .structure import ensure_announcement_index

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo.json"


@functools.cache
def demo_content():
    """``{"launch_image_title": …, "announcements": [record, …]}``, each text as ``{"id": …, "en": …}``."""
    return json.loads(DEMO_FILE.read_text(encoding="utf-8"))


def load(progress=None, options=None):
    created = load_demo_announcements(progress=progress)
    return DemoLoaded(f"Announcements: {created} created", changed=bool(created))


@transaction.atomic
def load_demo_announcements(home=None, progress=None):
    """Create the demo announcements that do not exist yet; returns how many.

    ``home`` is the source-language home page, by default the default site's root
    (``ensure_site_structure`` makes both).
    """
    if home is None:
        home = Site.objects.select_related("root_page").get(is_default_site=True).root_page
    index_page = ensure_announcement_index(home)
    english = Locale.objects.get(language_code="en")
    today = timezone.localdate()
    records = demo_content()["announcements"]
    created = 0
    for position, record in enumerate(records, start=1):
        if not AnnouncementPage.objects.filter(stable_slug=record["stable_slug"], locale=index_page.locale).exists():
            page = index_page.add_child(instance=_announcement(record, index_page.locale, today))
            page.save_revision().publish()
            translate_page(page, _english_paths(page, record), english)
            created += 1
        if progress:
            progress(position, len(records))
    return created


def _announcement(record, locale, today):
    page = AnnouncementPage(
        title=record["title"]["id"],
        slug=record["slug"]["id"],
        stable_slug=record["stable_slug"],
        locale=locale,
        date=today - datetime.timedelta(days=record["days_ago"]),
        category=AnnouncementCategory.objects.get(code=record["category"], locale=locale),
        lead=record["lead"]["id"],
        body=[(kind, _block_value(kind, content, "id")) for kind, content in record["body"]],
    )
    if "ends_in_days" in record:
        page.notice_ends_on = today + datetime.timedelta(days=record["ends_in_days"])
    if record.get("featured_image"):
        page.featured_image = _launch_image()
        page.featured_image_alt = record["featured_image_alt"]["id"]
    offices = OfficePage.objects.filter(stable_slug__in=record["offices"], locale=locale)
    by_slug = {office.stable_slug: office for office in offices}
    page.related_offices = [
        RelatedOffice(office=by_slug[slug], sort_order=position)
        for position, slug in enumerate(record["offices"])
        if slug in by_slug
    ]
    return page


def _block_value(kind, content, language):
    if kind == "paragraph":
        return RichText(f"<p>{content[language]}</p>")
    if kind == "heading":
        return content[language]
    if kind == "quote":
        return {"quote": content["quote"][language], "attribution": content["attribution"][language]}
    if kind == "table":
        return {
            "data": [[cell[language] for cell in row] for row in content["rows"]],
            "table_caption": content["caption"][language],
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
        }
    raise ValueError(f"No demo content for block type {kind!r}")


def _english_paths(page, record):
    """wagtail-localize segment paths of the page with their English text."""
    paths = {"title": record["title"]["en"], "slug": record["slug"]["en"], "lead": record["lead"]["en"]}
    if record.get("featured_image"):
        paths["featured_image_alt"] = record["featured_image_alt"]["en"]
    for block, (kind, content) in zip(page.body, record["body"], strict=True):
        base = f"body.{block.id}"
        if kind in ("paragraph", "heading"):
            paths[base] = content["en"]
        elif kind == "quote":
            paths[f"{base}.quote"] = content["quote"]["en"]
            paths[f"{base}.attribution"] = content["attribution"]["en"]
        elif kind == "table":
            paths[f"{base}.caption"] = content["caption"]["en"]
            for row_index, row in enumerate(content["rows"]):
                for column_index, cell in enumerate(row):
                    paths[f"{base}.cell-{row_index}-{column_index}"] = cell["en"]
    return paths


def _launch_image():
    """A simple picture for the launch news, drawn once and reused."""
    Image = get_image_model()
    title = demo_content()["launch_image_title"]
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PillowImage.new("RGB", (1200, 630), "#0b6b35")
    draw = ImageDraw.Draw(picture)
    draw.text((600, 315), "Banyuwangi Melayani", fill="white", anchor="mm", font=ImageFont.load_default(size=96))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=title, file=ImageFile(buffer, name="banyuwangi-melayani.png"))
    image.save()
    return image
