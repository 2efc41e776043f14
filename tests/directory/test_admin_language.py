"""The admin speaks one language per user: our strings, groups and workflow in Indonesian or in English."""

import re
from pathlib import Path

import django
import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from announcements.models import AnnouncementCategory
from directory.editorial.roles import COMMUNICATIONS_TEAM, MODERATION_WORKFLOW

from .conftest import OFFICE_A

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
CATALOG = ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po"
# Where the installed apps live, wherever the virtualenv is (not necessarily in the checkout).
SITE_PACKAGES = Path(django.__file__).resolve().parent.parent
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def installed_msgids():
    """Every message of the installed apps' catalogs: Wagtail's own strings are not ours to check."""
    msgids = set()
    for catalog in SITE_PACKAGES.glob("*/**/locale/en/LC_MESSAGES/django*.po"):
        msgids.update(entry.msgid for entry in polib.pofile(str(catalog)))
    return msgids


def our_translations():
    """Our ``(English, Indonesian)`` pairs that differ and can be told apart on a page."""
    theirs = installed_msgids()
    return [
        (entry.msgid, entry.msgstr)
        for entry in polib.pofile(str(CATALOG))
        if entry.msgstr
        and entry.msgstr != entry.msgid
        and entry.msgid not in theirs
        and not re.search(r"%|\{", entry.msgid)
    ]


OURS = our_translations()


def visible_texts(html):
    """Each text node and labelling attribute of the page, stripped."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("script, style, template, textarea, option"):
        hidden.decompose()
    texts = {text.strip() for text in soup.find_all(string=True)}
    texts |= {element[name].strip() for name in ATTRIBUTES for element in soup.select(f"[{name}]")}
    return texts - {""}


def speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def administrator(roles):
    return get_user_model().objects.create_superuser("admin-uji", password="unused-in-tests")


def office_editor_pages(office):
    return [reverse("wagtailadmin_home"), reverse("wagtailadmin_pages:edit", args=[office.pk])]


TEAM_PAGES = [
    "wagtailadmin_home",
    "directory_freshness_report",
    "directory_translation_status",
    "search_query_report",
    "wagtailsnippets_search_synonymgroup:list",
    # Translated snippets: the categories in the admin's language, as the listing's locale filter gives them.
    "wagtailsnippets_announcements_announcementcategory:list",
]


def rendered(client, user, urls):
    client.force_login(user)
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = visible_texts(response.content.decode())
    return pages


def stable_codes():
    """Identifiers shown as data, the same in both languages (a category's code ``announcement``)."""
    return set(AnnouncementCategory.objects.values_list("code", flat=True))


def leaks(pages, pairs):
    """``{url: [strings]}`` of the strings in ``pairs`` (``(shown, expected)``) that a page shows."""
    codes = stable_codes()
    found = {url: sorted(shown for shown, _expected in pairs if shown in texts - codes) for url, texts in pages.items()}
    return {url: strings for url, strings in found.items() if strings}


def test_an_indonesian_office_editor_sees_none_of_our_english(client, editor_a, office_a):
    pages = rendered(client, speaking(editor_a, "id"), office_editor_pages(office_a))
    assert leaks(pages, OURS) == {}


def test_an_english_office_editor_sees_none_of_our_indonesian(client, editor_a, office_a):
    pages = rendered(client, speaking(editor_a, "en"), office_editor_pages(office_a))
    assert leaks(pages, [(indonesian, english) for english, indonesian in OURS]) == {}


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_communications_teams_admin_speaks_one_language(client, communications_member, language):
    urls = [f"{reverse(name)}?locale={language}" for name in TEAM_PAGES]
    pages = rendered(client, speaking(communications_member, language), urls)
    pairs = OURS if language == "id" else [(indonesian, english) for english, indonesian in OURS]
    assert leaks(pages, pairs) == {}


REPORTS = {
    "directory_freshness_report": ("Contact data to check", "Data narahubung yang perlu dicek"),
    "directory_translation_status": ("Translation status", "Status terjemahan"),
}


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("report", REPORTS)
def test_our_reports_are_titled_in_the_users_language(client, communications_member, language, report):
    english, indonesian = REPORTS[report]
    url = reverse(report)
    texts = rendered(client, speaking(communications_member, language), [url])[url]
    shown, other = (indonesian, english) if language == "id" else (english, indonesian)
    assert shown in texts and other not in texts


def submit_button(client, user, office):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[office.pk]))
    return BeautifulSoup(response.content, "html.parser").select_one("button[name=action-submit]").get_text(strip=True)


def test_the_workflow_is_named_in_the_editors_language(client, editor_a, office_a):
    assert MODERATION_WORKFLOW in submit_button(client, speaking(editor_a, "id"), office_a)
    english = submit_button(client, speaking(editor_a, "en"), office_a)
    assert "Communications team review" in english and MODERATION_WORKFLOW not in english


def test_groups_are_named_in_the_administrators_language(client, administrator, editor_a):
    url = reverse("wagtailusers_groups:index")
    english = rendered(client, speaking(administrator, "en"), [url])[url]
    assert {"Communications team", f"Office editors: {OFFICE_A}"} <= english
    assert COMMUNICATIONS_TEAM not in english
    indonesian = rendered(client, speaking(administrator, "id"), [url])[url]
    assert {COMMUNICATIONS_TEAM, f"Editor OPD: {OFFICE_A}"} <= indonesian


def test_saving_a_group_in_english_keeps_its_stored_name(client, administrator, roles):
    client.force_login(speaking(administrator, "en"))
    team = roles.communications_team
    response = client.get(reverse("wagtailusers_groups:edit", args=[team.pk]))
    assert BeautifulSoup(response.content, "html.parser").select_one("input[name=name]")["value"] == (
        "Communications team"
    )
    team.refresh_from_db()
    team.save()
    assert type(team).objects.filter(name=COMMUNICATIONS_TEAM).exists()
