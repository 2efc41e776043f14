"""An office made private through the admin's privacy setting is private in both languages and everywhere.

Its pages ask for the password or the login in Indonesian and in English, and its contacts,
services and numbers leave the vCards, the poster, the directory API in every language, the
search, HSDS, the sitemap and the report page; lifting the privacy brings everything back.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories.directory import ContactPersonFactory, OfficePageFactory, ServicePageFactory, locale, translate

pytestmark = pytest.mark.django_db

NAME = "Sutrisno Rahasiawan"
PHONE = "0333-424777"
PASSWORD = "rahasia-dinas"  # noqa: S105 - the test's own shared password


@pytest.fixture
def office():
    """An office with a contact and a service, in Indonesian and English."""
    office = OfficePageFactory(title="Dinas Tertutup", slug="dinas-tertutup", acronym="DINTUP")
    contact = ContactPersonFactory(office=office, key="dintup-kadis", name=NAME, phone=PHONE, whatsapp="")
    service = ServicePageFactory(parent=office, title="Izin Tertutup", slug="izin-tertutup", officers=[contact])
    translate(office, {"title": "Closed Department", "slug": "closed-department"})
    translate(service, {"title": "Closed Permit", "slug": "closed-permit"})
    return office


def english(page):
    return page.get_translation(locale("en")).specific


def restrict(page, restriction_type=PageViewRestriction.PASSWORD, **fields):
    """As the admin's privacy dialog does: the restriction saved, then its groups."""
    groups = fields.pop("groups", [])
    restriction = PageViewRestriction(page=page, restriction_type=restriction_type, **fields)
    restriction.save()
    restriction.groups.set(groups)
    return restriction


def set_privacy_in_admin(client, page, restriction_type, password=""):
    data = {"restriction_type": restriction_type, "password": password}
    response = client.post(f"/admin/pages/{page.pk}/privacy/", data)
    assert response.status_code == 200
    assert response.json()["step"] == "set_privacy_done"


def public_urls(office):
    """Every public place that showed the contact, by name."""
    return {
        "vcard id": "/id/vcard/dintup-kadis.vcf",
        "vcard en": "/en/vcard/dintup-kadis.vcf",
        "report": "/id/feedback/report/dintup-kadis/",
        "report en": "/en/feedback/report/dintup-kadis/",
        "api office id": "/api/directory/offices/dinas-tertutup/?lang=id",
        "api office en": "/api/directory/offices/dinas-tertutup/?lang=en",
    }


def shows_contact(client, url):
    response = client.get(url)
    return response.status_code == 200 and NAME.encode() in response.content


def asks_for_password(response):
    content = response.content
    return response.status_code == 200 and b'name="password"' in content and NAME.encode() not in content


def office_pages(office):
    service = office.get_children().first()
    return [office.url, english(office).url, service.url, english(service).url, f"{english(office).url}poster/"]


def api_slugs(client, language_code):
    listed = client.get("/api/directory/offices/", {"lang": language_code, "page_size": 100}).json()["results"]
    return {item["slug"] for item in listed}


def search_ids(client, query, **params):
    return {hit["id"] for hit in client.get("/api/search/", {"q": query, **params}).json()["results"]}


def hsds_names(client, kind, language_code):
    contents = client.get(f"/api/hsds/{kind}/", {"lang": language_code, "per_page": 100}).json()["contents"]
    return {item["name"] for item in contents}


def test_the_contact_is_public_before(client, office):
    for name, url in public_urls(office).items():
        assert shows_contact(client, url), name
    assert "dinas-tertutup" in api_slugs(client, "en")
    assert "dintup-kadis" in search_ids(client, NAME)


def test_a_password_in_indonesian_hides_both_languages_everywhere(client, office):
    restrict(office, password=PASSWORD)

    for url in office_pages(office):
        assert asks_for_password(client.get(url)), url
    for name, url in public_urls(office).items():
        response = client.get(url)
        assert response.status_code == 404, name
        assert NAME.encode() not in response.content, name
    for language_code in ("id", "en"):
        assert "dinas-tertutup" not in api_slugs(client, language_code)
        assert client.get("/api/directory/services/izin-tertutup/", {"lang": language_code}).status_code == 404
        assert not {"Dinas Tertutup", "Closed Department"} & hsds_names(client, "organizations", language_code)
        assert not {"Izin Tertutup", "Closed Permit"} & hsds_names(client, "services", language_code)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "dinas-tertutup" not in sitemap and "closed-department" not in sitemap


def test_search_forgets_the_contact_and_service_and_finds_them_again(
    client, office, django_capture_on_commit_callbacks
):
    assert "dintup-kadis" in search_ids(client, NAME, lang="en")
    assert "izin-tertutup" in search_ids(client, "Izin Tertutup")
    restriction = restrict(office, PageViewRestriction.LOGIN)

    for language_code in ("id", "en"):
        assert "dintup-kadis" not in search_ids(client, NAME, lang=language_code)
        assert "izin-tertutup" not in search_ids(client, "Izin Tertutup", lang=language_code)
    assert "dintup-kadis" not in client.get("/id/search/", {"q": NAME}).content.decode()
    suggestions = client.get("/api/search/suggest/", {"q": "rahasiaw"}).json()["suggestions"]
    assert not any("rahasiawan" in suggestion.casefold() for suggestion in suggestions)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "dintup-kadis" in search_ids(client, NAME, lang="en")
    assert "dintup-kadis" in client.get("/id/search/", {"q": NAME}).content.decode()


def test_an_english_restriction_hides_the_indonesian_page_too(client, office):
    restrict(english(office), PageViewRestriction.LOGIN)

    response = client.get(office.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get("/id/vcard/dintup-kadis.vcf").status_code == 404


def test_groups_are_copied_and_follow_a_change(office):
    first, second = Group.objects.create(name="Tim A"), Group.objects.create(name="Tim B")
    restriction = restrict(office, PageViewRestriction.GROUPS, groups=[first])
    copy = PageViewRestriction.objects.get(page=english(office))
    assert copy.restriction_type == PageViewRestriction.GROUPS and set(copy.groups.all()) == {first}

    restriction.groups.add(second)
    assert set(copy.groups.all()) == {first, second}
    restriction.restriction_type, restriction.password = PageViewRestriction.PASSWORD, PASSWORD
    restriction.save()
    copy.refresh_from_db()
    assert (copy.restriction_type, copy.password) == (PageViewRestriction.PASSWORD, PASSWORD)
    assert PageViewRestriction.objects.count() == 2, "one each, no copies of copies"


def test_a_private_directory_hides_every_office_in_both_languages(client, office):
    restrict(office.get_parent(), PageViewRestriction.LOGIN)

    assert client.get(english(office).url).status_code == 302
    assert "dinas-tertutup" not in api_slugs(client, "en")
    assert client.get("/en/vcard/dintup-kadis.vcf").status_code == 404


def test_a_page_translated_after_the_restriction_is_private_from_the_start(client):
    office = OfficePageFactory(slug="dinas-baru-tertutup")
    ContactPersonFactory(office=office, key="baru-kadis", name=NAME)
    restrict(office, password=PASSWORD)

    translated = translate(office, {"slug": "new-closed-department"})
    assert asks_for_password(client.get(translated.url))
    assert client.get("/en/vcard/baru-kadis.vcf").status_code == 404


def test_the_admin_privacy_dialog_hides_and_shows_again(client, admin_user, office, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    set_privacy_in_admin(client, office, PageViewRestriction.PASSWORD, PASSWORD)
    client.logout()
    for url in office_pages(office):
        assert asks_for_password(client.get(url)), url
    assert client.get("/en/vcard/dintup-kadis.vcf").status_code == 404
    assert client.get("/api/directory/offices/dinas-tertutup/?lang=en").status_code == 404

    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        set_privacy_in_admin(client, office, PageViewRestriction.NONE)
    client.logout()
    assert not PageViewRestriction.objects.exists()
    assert NAME.encode() in client.get(english(office).url).content
    for name, url in public_urls(office).items():
        assert shows_contact(client, url), name
    assert "dinas-tertutup" in api_slugs(client, "en")
    assert "dinas-tertutup" in client.get("/sitemap.xml").content.decode()


def test_deleting_a_private_page_leaves_its_translation_private(client, office, django_capture_on_commit_callbacks):
    restrict(office, password=PASSWORD)
    translation = english(office)
    with django_capture_on_commit_callbacks(execute=True):
        office.delete()
    assert PageViewRestriction.objects.filter(page=translation).exists()
    assert asks_for_password(client.get(translation.url))
