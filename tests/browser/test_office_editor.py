"""An office editor's way into the admin, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from directory.models import OfficePage
from directory.roles import grant_office_editor, setup_roles

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "kata-sandi-editor-uji"


@pytest.fixture
def office_editor(db):
    setup_roles()
    user = grant_office_editor("editor-dispendukcapil", "dispendukcapil").user
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def desktop(browser, site):
    context = browser.new_context(base_url=site, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def test_an_office_editor_reaches_their_office_edit_form_in_one_click_from_the_dashboard(desktop, office_editor):
    office = OfficePage.objects.get(stable_slug="dispendukcapil", locale__language_code="id")
    desktop.goto("/admin/login/")
    desktop.locator("input[name=username]").fill(office_editor.username)
    desktop.locator("input[name=password]").fill(PASSWORD)
    desktop.locator("form button[type=submit]").click()
    desktop.wait_for_url(re.compile(r"/admin/$"))

    desktop.locator("#home-office-section a.button-primary").click()

    desktop.wait_for_url(re.compile(rf"/admin/pages/{office.pk}/edit/$"))
    expect(desktop.locator("input[name=title]")).to_have_value(office.title)
    expect(desktop.locator("#id_contacts-TOTAL_FORMS")).to_have_count(1)
