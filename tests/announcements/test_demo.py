import pytest
from wagtail.models import Locale

from announcements.demo import load_demo_announcements
from announcements.models import AnnouncementPage
from announcements.notices import current_service_notices
from directory.models import OfficePage
from melayani.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.sample]


def test_demo_announcements_are_created_once_in_both_languages(site):
    assert load_demo_announcements() == 6
    assert load_demo_announcements(HomePage.objects.get(locale=Locale.get_default())) == 0
    english = AnnouncementPage.objects.filter(
        locale__language_code="en", stable_slug="peluncuran-banyuwangi-melayani"
    ).get()
    assert english.title == "Banyuwangi Melayani launched"
    dispendukcapil = OfficePage.objects.get(stable_slug="dispendukcapil", locale=Locale.get_default())
    notices = current_service_notices(Locale.get_default(), office=dispendukcapil)
    assert "renovasi-ruang-pelayanan-dispendukcapil" in {notice.stable_slug for notice in notices}
