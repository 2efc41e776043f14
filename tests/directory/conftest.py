"""Roles fixtures: two offices built once per module, the groups of ``setup_roles``, an editor per office,
the communications team, admin forms."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.forms import CheckboxInput
from wagtail.blocks import StreamValue
from wagtail.models import Locale

from directory.editorial.roles import grant_office_editor, setup_roles
from directory.models import ContactLevel, OfficeKind, OfficePage
from tests.factories.directory import ContactPersonFactory, OfficePageFactory, ServicePageFactory, publish, translate
from tests.support.database import built_once

# Stable identifiers apart from the sample directory's, which the session may hold too.
OFFICE_A = "dinas-kependudukan-uji"
OFFICE_B = "kecamatan-uji"
# Office A has as many contacts as a busy office (its edit form folds them), B only two. Real-looking
# names, each once: a contact's vCard is named after the person, and tests tell contacts apart by name.
CONTACTS_A = (
    (ContactLevel.HEAD, "Siti Rahayu", "Kepala Dinas", "Head of Department"),
    (ContactLevel.SECRETARY, "Bambang Sutrisno", "Sekretaris Dinas", "Department Secretary"),
    (ContactLevel.DIVISION_HEAD, "Dewi Lestari", "Kepala Bidang Pelayanan", "Head of the Services Division"),
    (ContactLevel.SECTION_HEAD, "Agus Setiawan", "Kepala Seksi Pencatatan", "Head of the Registration Section"),
    (ContactLevel.TECHNICAL, "Rina Wulandari", "Petugas Loket KTP-el", "e-ID counter officer"),
    (ContactLevel.TECHNICAL, "Joko Susilo", "Petugas Akta Kelahiran", "Birth certificate officer"),
    (ContactLevel.TECHNICAL, "Nur Hidayah", "Petugas Kartu Keluarga", "Family card officer"),
)
CONTACTS_B = (
    (ContactLevel.HEAD, "Hadi Purnomo", "Camat", "District Head"),
    (ContactLevel.TECHNICAL, "Wahyu Pratama", "Petugas Pelayanan Terpadu", "Integrated services officer"),
)
SERVICES_A = ("Perekaman KTP-el", "Penerbitan Akta Kelahiran")


def build_office(slug, kind, title, english_title, contacts, services):
    """A published office in both languages, every text translated; its first technical officer serves its services."""
    office = OfficePageFactory(slug=slug, kind=kind, title=title, summary=f"Pelayanan {title} untuk warga Banyuwangi.")
    people = [
        ContactPersonFactory(office=office, key=f"{slug}-{number}", level=level, name=name, position=position)
        for number, (level, name, position, _english) in enumerate(contacts, start=1)
    ]
    office = publish(office)
    english_positions = {person: {"position": english} for person, (*_, english) in zip(people, contacts, strict=True)}
    translate(office, {"title": english_title}, contacts=english_positions, every_segment=True)
    officer = next(person for person in people if person.level == ContactLevel.TECHNICAL)
    for service_title in services:
        service = publish(ServicePageFactory(parent=office, title=service_title, officers=[officer]))
        translate(service, every_segment=True)
    return office


def build_offices():
    return (
        build_office(
            OFFICE_A, OfficeKind.DINAS, "Dinas Kependudukan Uji", "Trial Population Office", CONTACTS_A, SERVICES_A
        ),
        build_office(OFFICE_B, OfficeKind.KECAMATAN, "Kecamatan Uji", "Trial District", CONTACTS_B, ()),
    )


@pytest.fixture(scope="module")
def editorial_offices(django_db_setup, django_db_blocker):
    """Offices A and B, built once for the module that asks and rolled back after it.

    Not once for the package: the sample's modules here (import, export, API) count the offices.
    """
    yield from built_once(django_db_blocker, build_offices)


@pytest.fixture
def roles(db):
    return setup_roles()


def office(stable_slug, language_code="id"):
    return OfficePage.objects.get(stable_slug=stable_slug, locale=Locale.objects.get(language_code=language_code))


@pytest.fixture
def office_a(editorial_offices, roles):
    return office(OFFICE_A)


@pytest.fixture
def office_a_en(editorial_offices, roles):
    return office(OFFICE_A, "en")


@pytest.fixture
def office_b(editorial_offices, roles):
    return office(OFFICE_B)


@pytest.fixture
def editor_a(editorial_offices, roles):
    return grant_office_editor("editor-a", OFFICE_A).user


@pytest.fixture
def second_editor_a(editorial_offices, roles):
    return grant_office_editor("editor-a2", OFFICE_A).user


@pytest.fixture
def editor_b(editorial_offices, roles):
    return grant_office_editor("editor-b", OFFICE_B).user


@pytest.fixture
def communications_member(roles):
    user = get_user_model().objects.create_user("humas", password="unused-in-tests")
    user.groups.add(roles.communications_team)
    return user


def _field_data(form):
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if isinstance(field.widget, CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, StreamValue):
            data.update(_stream_data(bound.html_name, value))
        elif value is None:
            data[bound.html_name] = ""
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        elif isinstance(value, datetime.datetime):
            data[bound.html_name] = value.strftime("%Y-%m-%d %H:%M")
        else:
            data[bound.html_name] = str(value)
    return data


def _stream_data(prefix, stream):
    """A stream of plain-text blocks as the block editor posts it."""
    data = {f"{prefix}-count": str(len(stream))}
    for position, child in enumerate(stream):
        if not isinstance(child.value, str):
            raise NotImplementedError("only stream fields of text blocks")
        data.update(
            {
                f"{prefix}-{position}-type": child.block_type,
                f"{prefix}-{position}-value": child.value,
                f"{prefix}-{position}-id": child.id or "",
                f"{prefix}-{position}-order": str(position),
                f"{prefix}-{position}-deleted": "",
            }
        )
    return data


def _form_data(form):
    data = _field_data(form)
    for formset in getattr(form, "formsets", {}).values():
        data.update(_field_data(formset.management_form))
        for position, child in enumerate(formset.forms, start=1):
            data.update(_form_data(child))
            if formset.can_order:
                data[f"{child.prefix}-ORDER"] = str(position)
    return data


def page_form_data(page, user, **changes):
    """What the page editor posts for ``page`` (its latest revision) as ``user``, with ``changes``.

    A change to ``None`` leaves the field out, as a browser does with an unticked checkbox.
    """
    page = page.get_latest_revision_as_object()
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=user, parent_page=page.get_parent())
    data = _form_data(form)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


@pytest.fixture
def edit_data():
    return page_form_data
