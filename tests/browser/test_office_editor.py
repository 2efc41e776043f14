"""An office editor's way into the admin, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from directory.editorial.roles import grant_office_editor, setup_roles
from directory.models import OfficePage

from .conftest import WRITES

pytestmark = [pytest.mark.browser, WRITES]

PASSWORD = "kata-sandi-editor-uji"
# The office of the tests' slice with the most contacts (eleven).
BUSIEST_OFFICE = "dispendukcapil"

# What the editor sees of the contacts: the fields shown, the contacts named in a heading, the heights
# (CSS pixels) of the contact list and of the whole edit form, which scrolls inside the admin's layout.
MEASURE_CONTACTS = """() => {
    const shown = (element) => element.checkVisibility();
    const panel = document.querySelector("#id_contacts-FORMS");
    const fields = [...panel.querySelectorAll("input:not([type=hidden]), textarea, select")].filter(shown);
    const headings = [...panel.querySelectorAll("[data-inline-panel-child] [data-panel-heading-text]")].filter(shown);
    return {fields: fields.length, headings: headings.map((h) => h.textContent.trim()),
            contacts_height: Math.round(panel.getBoundingClientRect().height),
            form_height: Math.round(panel.closest("form").getBoundingClientRect().height)};
}"""


@pytest.fixture
def office_editor(db):
    setup_roles()
    user = grant_office_editor("editor-dispendukcapil", BUSIEST_OFFICE).user
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(page, user):
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(user.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def busiest_office():
    return OfficePage.objects.get(stable_slug=BUSIEST_OFFICE, locale__language_code="id")


def test_an_office_editor_reaches_their_office_edit_form_in_one_click_from_the_dashboard(desktop, office_editor):
    office = busiest_office()
    log_in(desktop, office_editor)

    desktop.locator("#home-office-section a.button-primary").click()

    desktop.wait_for_url(re.compile(rf"/admin/pages/{office.pk}/edit/$"))
    expect(desktop.locator("input[name=title]")).to_have_value(office.title)
    expect(desktop.locator("#id_contacts-TOTAL_FORMS")).to_have_count(1)


def test_an_office_with_many_contacts_opens_as_a_list_of_names_and_positions(desktop, office_editor):
    office = busiest_office()
    contacts = list(office.contacts.all())
    log_in(desktop, office_editor)
    desktop.goto(f"/admin/pages/{office.pk}/edit/")

    closed = desktop.evaluate(MEASURE_CONTACTS)
    desktop.locator("#id_contacts-FORMS [data-panel-toggle][aria-expanded=false]").evaluate_all(
        "(toggles) => toggles.forEach((toggle) => toggle.click())"
    )
    opened = desktop.evaluate(MEASURE_CONTACTS)
    print(f"\n{len(contacts)} contacts; closed: {closed}\nall opened: {opened}")

    assert closed["headings"] == [f"{contact.name} — {contact.position}" for contact in contacts]
    assert closed["fields"] == 0
    assert opened["fields"] >= 7 * len(contacts)
    assert closed["form_height"] < opened["form_height"] / 2


def test_an_office_editor_finds_a_contact_by_name_and_opens_it(desktop, office_editor):
    office = busiest_office()
    contact = list(office.contacts.all())[-1]
    log_in(desktop, office_editor)
    desktop.goto(f"/admin/pages/{office.pk}/edit/")

    heading = desktop.locator("[data-panel-heading]", has_text=contact.name)
    section = desktop.locator("#id_contacts-FORMS [data-inline-panel-child]", has=heading)
    expect(section.locator("input[name$='-name']")).to_be_hidden()
    section.locator("[data-panel-heading]").first.click()

    expect(section.locator("input[name$='-name']")).to_be_visible()
    expect(section.locator("input[name$='-name']")).to_have_value(contact.name)
    expect(section.locator("input[name$='-phone']")).to_have_value(contact.phone)
