import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Locale

from announcements.blocks import ImageBlock
from announcements.models import AnnouncementCategory, AnnouncementPage
from announcements.notices import current_service_notices
from directory.models import OfficePage
from tests.support.html import page, section, visible_text

from .conftest import DISTRICT, REGISTRY

pytestmark = pytest.mark.django_db


def banner_of(client, url):
    """The text of the service-notice banner at ``url``; empty when there is none."""
    banner = section(page(client, url), "service-notices-heading")
    return visible_text(banner) if banner else ""


def test_service_notice_is_current_until_its_last_day(site):
    indonesian = Locale.get_default()
    last_day = site.current_notice.notice_ends_on
    assert list(current_service_notices(indonesian, today=last_day)) == [site.current_notice]
    assert list(current_service_notices(indonesian, today=last_day + datetime.timedelta(days=1))) == []


def test_expired_notice_was_current_before_its_end(site):
    day_before_end = site.expired_notice.notice_ends_on - datetime.timedelta(days=1)
    notices = current_service_notices(Locale.get_default(), today=day_before_end)
    assert site.expired_notice in notices


def test_notices_can_be_limited_to_an_office_in_either_language(site):
    english = Locale.objects.get(language_code="en")
    office = OfficePage.objects.get(stable_slug=REGISTRY, locale=english)
    notices = list(current_service_notices(english, office=office, today=site.today))
    assert [notice.title for notice in notices] == ["Dispendukcapil service hall under renovation"]
    licin = OfficePage.objects.get(stable_slug=DISTRICT, locale=english)
    assert list(current_service_notices(english, office=licin, today=site.today)) == []


@pytest.mark.parametrize("url", ["/id/", f"/id/direktori/{REGISTRY}/"])
def test_current_notice_shows_as_a_banner(client, site, url):
    banner = banner_of(client, url)
    assert site.current_notice.title in banner
    assert site.expired_notice.title not in banner


def test_english_banner_shows_the_english_notice(client, site):
    assert "Dispendukcapil service hall under renovation" in banner_of(client, "/en/")


def test_office_page_has_no_banner_once_its_notice_has_ended(client, site):
    assert banner_of(client, f"/id/direktori/{DISTRICT}/") == ""


def test_banner_disappears_the_day_after_the_last_day_without_editing(client, site):
    # The page is not touched: only its last day moves into the past, as the calendar would.
    AnnouncementPage.objects.filter(pk=site.current_notice.pk).update(notice_ends_on=site.today)
    assert site.current_notice.title in banner_of(client, "/id/")
    AnnouncementPage.objects.filter(pk=site.current_notice.pk).update(
        notice_ends_on=site.today - datetime.timedelta(days=1)
    )
    assert banner_of(client, "/id/") == ""


def test_notice_page_says_until_when_it_applies(client, site):
    notice = page(client, site.expired_notice.url).select_one("main .notice")
    assert visible_text(notice).startswith("Pemberitahuan ini berakhir pada")


def test_service_notice_needs_an_end_date(site):
    page = AnnouncementPage(
        title="Tanpa tanggal akhir",
        slug="tanpa-tanggal-akhir",
        category=AnnouncementCategory.objects.get(code="service-notice", locale=Locale.get_default()),
        lead="Lead.",
        locale=Locale.get_default(),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "notice_ends_on" in error.value.message_dict


def test_featured_image_needs_alt_text(site):
    page = AnnouncementPage.objects.get(pk=site.launch.pk)
    page.featured_image_alt = " "
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "featured_image_alt" in error.value.message_dict


def test_image_block_needs_alt_text_unless_decorative(site):
    block = ImageBlock()
    image = site.launch.featured_image
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": False, "caption": ""}))
    assert "alt_text" in error.value.block_errors
    decorative = block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True, "caption": ""}))
    assert decorative.alt == ""
