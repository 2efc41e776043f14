"""Who may change what, asked through the admin's own views (HTTP), not only the permission API."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Collection, GroupPagePermission, Locale, Page, Site, Workflow

from directory.editorial.roles import (
    COMMUNICATIONS_TEAM,
    MODERATION_WORKFLOW,
    OFFICE_GROUP_PREFIX,
    office_editors_group,
    setup_roles,
)
from directory.models import OfficePage
from tests.support import html

from .conftest import OFFICE_A

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def assert_refused(response):
    """Wagtail answers a denied admin view with a 403, or a redirect to the dashboard with a message."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def admin_get(client, url):
    """GET an admin view, following its own redirects (e.g. settings to their instance) but not a refusal."""
    response = client.get(url)
    while response.status_code == 302 and response["Location"].startswith(url):
        url = response["Location"]
        response = client.get(url)
    return response


def tiny_image(title, collection):
    buffer = io.BytesIO()
    PILImage.new("RGB", (2, 2), "white").save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="tiny.png"), collection=collection)


def collection_of(office):
    return Collection.objects.filter(group_permissions__group=office_editors_group(office)).distinct().get()


@pytest.fixture
def image_a(office_a):
    return tiny_image("Denah kantor A", collection_of(office_a))


@pytest.fixture
def image_b(office_b):
    return tiny_image("Denah kantor B", collection_of(office_b))


@pytest.fixture
def announcement(roles):
    """A draft announcement under the home page, or the home page itself before the announcements app exists."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    try:
        from announcements.models import AnnouncementCategory, AnnouncementPage
        from announcements.structure import ensure_announcement_index
    except ImportError:
        return home
    index = ensure_announcement_index(home)
    category = AnnouncementCategory.objects.filter(locale=home.locale).first()
    return index.add_child(
        instance=AnnouncementPage(
            title="Jam layanan Ramadan",
            slug="jam-layanan-ramadan",
            category=category,
            lead="Jam layanan berubah.",
            live=False,
        )
    )


# --- groups -------------------------------------------------------------------


def test_every_office_has_an_editors_group_with_rights_on_both_languages(roles, office_a, office_a_en):
    group = Group.objects.get(name=OFFICE_GROUP_PREFIX + OFFICE_A)
    assert group in roles.office_groups
    rights = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename"))
    for page in (office_a, office_a_en):
        assert {(page.pk, "add_page"), (page.pk, "change_page"), (page.pk, "lock_page")} <= rights
        assert (page.pk, "publish_page") not in rights
    assert {page_id for page_id, _codename in rights} == {office_a.pk, office_a_en.pk}


def test_setup_roles_is_idempotent(roles):
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Collection.objects.count())
    again = setup_roles()
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Collection.objects.count()) == counts
    assert again.communications_team == roles.communications_team
    assert Workflow.objects.filter(name=MODERATION_WORKFLOW).count() == 1


def test_setup_roles_runs_on_a_site_without_offices(db):
    for top in Page.get_first_root_node().get_children():
        top.delete()
    assert not OfficePage.objects.exists()
    report = setup_roles()
    assert report.office_groups == []
    assert report.communications_team.name == COMMUNICATIONS_TEAM


def test_a_new_office_and_its_translation_get_a_group_and_a_collection(roles, office_a):
    from core.translation import translate_page

    directory = office_a.get_parent()
    new_office = directory.add_child(instance=OfficePage(title="Dinas Baru", slug="dinas-baru", kind="dinas"))
    group = Group.objects.get(name=OFFICE_GROUP_PREFIX + "dinas-baru")
    assert Collection.objects.filter(name="Dinas Baru", group_permissions__group=group).exists()
    english = translate_page(new_office, {"title": "New Department"}, Locale.objects.get(language_code="en"))
    assert GroupPagePermission.objects.filter(group=group, page=english, permission__codename="change_page").exists()


# --- grant_office_editor --------------------------------------------------------


def test_grant_office_editor_creates_the_user_without_a_password_and_says_how_to_set_one(editorial_offices, roles):
    out = io.StringIO()
    call_command("grant_office_editor", "siti", OFFICE_A, stdout=out)
    user = Group.objects.get(name=OFFICE_GROUP_PREFIX + OFFICE_A).user_set.get(username="siti")
    assert not user.has_usable_password()
    assert "python manage.py changepassword siti" in out.getvalue()


def test_grant_office_editor_twice_changes_nothing(editorial_offices, roles):
    call_command("grant_office_editor", "siti", OFFICE_A, stdout=io.StringIO())
    out = io.StringIO()
    call_command("grant_office_editor", "siti", OFFICE_A, stdout=out)
    assert "nothing changed" in out.getvalue()
    assert "changepassword" not in out.getvalue()
    assert Group.objects.get(name=OFFICE_GROUP_PREFIX + OFFICE_A).user_set.filter(username="siti").count() == 1


def test_grant_office_editor_refuses_an_unknown_office(roles):
    with pytest.raises(CommandError, match="no-such-office"):
        call_command("grant_office_editor", "siti", "no-such-office", stdout=io.StringIO())


# --- the permission matrix, through HTTP ----------------------------------------


def test_office_editor_opens_their_office_in_both_languages(client, editor_a, office_a, office_a_en):
    client.force_login(editor_a)
    assert client.get(edit_url(office_a)).status_code == 200
    assert client.get(edit_url(office_a_en)).status_code == 200


def test_office_editor_cannot_switch_moderation_off(client, editor_a, office_a):
    client.force_login(editor_a)
    assert not html.page(client, edit_url(office_a)).select("form [name=requires_moderation]")


def test_office_editor_edits_their_images(client, editor_a, image_a):
    client.force_login(editor_a)
    assert client.get(reverse("wagtailimages:edit", args=[image_a.pk])).status_code == 200


def test_office_editor_is_refused_another_office_in_both_languages(client, editor_a, office_b):
    client.force_login(editor_a)
    assert_refused(client.get(edit_url(office_b)))
    assert_refused(client.get(edit_url(office_b.get_translation(Locale.objects.get(language_code="en")))))


def test_office_editor_cannot_post_an_edit_to_another_office(client, editor_a, office_b, edit_data):
    client.force_login(editor_a)
    revisions = office_b.revisions.count()
    data = edit_data(office_b, editor_a, title="Diubah oleh orang lain")
    assert_refused(client.post(edit_url(office_b), data))
    assert office_b.revisions.count() == revisions


def test_office_editor_is_refused_another_offices_images(client, editor_a, image_b):
    client.force_login(editor_a)
    assert_refused(client.get(reverse("wagtailimages:edit", args=[image_b.pk])))
    assert "Denah kantor B" not in html.all_text(html.page(client, reverse("wagtailimages:index")))


def test_office_editor_is_refused_announcements(client, editor_a, announcement):
    client.force_login(editor_a)
    assert_refused(client.get(edit_url(announcement)))
    assert_refused(client.get(edit_url(announcement.get_parent())))


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsettings:edit core regencysettings",
        "wagtailusers_users:index",
        "wagtailusers_groups:index",
        "wagtailsnippets_search_synonymgroup:list",
        "wagtailsearchpromotions:index",
        "search_query_report",
        "wagtailadmin_workflows:index",
    ],
)
def test_office_editor_is_refused_site_administration(client, editor_a, url_name):
    name, *args = url_name.split()
    client.force_login(editor_a)
    assert_refused(admin_get(client, reverse(name, args=args)))


def test_office_editor_is_refused_the_home_page(client, editor_a):
    client.force_login(editor_a)
    assert_refused(client.get(edit_url(Site.objects.get(is_default_site=True).root_page)))


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsettings:edit core regencysettings",
        "wagtailsnippets_search_synonymgroup:list",
        "wagtailsearchpromotions:index",
        "search_query_report",
    ],
)
def test_communications_team_keeps_settings_and_search_tools(client, communications_member, url_name):
    name, *args = url_name.split()
    client.force_login(communications_member)
    assert admin_get(client, reverse(name, args=args)).status_code == 200


@pytest.mark.parametrize("url_name", ["wagtailusers_users:index", "wagtailusers_groups:index"])
def test_communications_team_does_not_manage_users(client, communications_member, url_name):
    client.force_login(communications_member)
    assert_refused(client.get(reverse(url_name)))


def test_communications_team_publishes_an_announcement(client, communications_member, announcement, edit_data):
    client.force_login(communications_member)
    data = edit_data(announcement, communications_member, **{"action-publish": "action-publish"})
    response = client.post(edit_url(announcement), data)
    assert response.status_code == 302
    announcement.refresh_from_db()
    assert announcement.live
    assert announcement.live_revision.user == communications_member


def test_office_editor_cannot_publish_their_office_while_moderated(client, editor_a, office_a, edit_data):
    client.force_login(editor_a)
    data = edit_data(office_a, editor_a, summary="Ringkasan baru", **{"action-publish": "action-publish"})
    client.post(edit_url(office_a), data)
    office_a.refresh_from_db()
    assert office_a.summary != "Ringkasan baru"
    assert office_a.has_unpublished_changes


def test_anonymous_visitors_reach_no_admin_page(client, office_a, image_a, announcement):
    contact = office_a.contacts.first()
    urls = [
        reverse("wagtailadmin_home"),
        edit_url(office_a),
        edit_url(announcement),
        reverse("wagtailimages:edit", args=[image_a.pk]),
        reverse("wagtailsettings:edit", args=["core", "regencysettings"]),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
        reverse("directory_freshness_report"),
        reverse("directory_verify_contact", args=[contact.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url


def test_roles_do_not_reach_pages_outside_the_tree(roles):
    root = Page.get_first_root_node()
    assert not GroupPagePermission.objects.filter(page=root, group__name__in=[COMMUNICATIONS_TEAM]).exists()
