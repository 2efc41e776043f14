"""The fixed top of the page tree: locales, home page, directory and life events indexes, Site."""

import json
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale, Page, Site

from announcements.structure import ensure_announcement_index
from core.translation import ensure_bilingual_child, translate_page
from directory.models import DirectoryIndexPage
from directory.transfer.life_events import ensure_life_event_index

from .models import HomePage

# The texts of the home page and the directory index, in both languages.
STRUCTURE = json.loads((Path(__file__).resolve().parent / "data" / "structure.json").read_text(encoding="utf-8"))
HOME = STRUCTURE["home"]
DIRECTORY = STRUCTURE["directory"]


@transaction.atomic
def ensure_site_structure():
    """Create what is missing of the tree's top in both languages; change nothing that exists."""
    source_locale, _created = Locale.objects.get_or_create(language_code="id")
    english, _created = Locale.objects.get_or_create(language_code="en")

    home = HomePage.objects.filter(locale=source_locale).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration leaves a plain "Welcome" page as the site root.
        for welcome in Page.objects.child_of(root).filter(content_type__model="page"):
            welcome.delete()
        home = root.add_child(
            instance=HomePage(
                title=HOME["title"]["id"],
                slug=HOME["slug"],
                introduction=HOME["introduction"]["id"],
                locale=source_locale,
            )
        )
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "hostname": "localhost", "port": 80, "site_name": "Banyuwangi Melayani"},
    )
    if home.get_translation_or_none(english) is None:
        translate_page(home, {"title": HOME["title"]["en"], "introduction": HOME["introduction"]["en"]}, english)

    directory = ensure_bilingual_child(home, DirectoryIndexPage, DIRECTORY, english)
    ensure_announcement_index(home)
    ensure_life_event_index(home)
    return home, directory
