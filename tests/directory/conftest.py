"""Roles fixtures: the groups of ``setup_roles``, an editor per office, the communications team, admin forms."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.forms import CheckboxInput
from wagtail.blocks import StreamValue
from wagtail.models import Locale

from directory.editorial.roles import grant_office_editor, setup_roles
from directory.models import OfficePage

OFFICE_A = "dispendukcapil"
OFFICE_B = "kecamatan-licin"


@pytest.fixture
def roles(db):
    return setup_roles()


def office(stable_slug, language_code="id"):
    return OfficePage.objects.get(stable_slug=stable_slug, locale=Locale.objects.get(language_code=language_code))


@pytest.fixture
def office_a(roles):
    return office(OFFICE_A)


@pytest.fixture
def office_a_en(roles):
    return office(OFFICE_A, "en")


@pytest.fixture
def office_b(roles):
    return office(OFFICE_B)


@pytest.fixture
def editor_a(roles):
    return grant_office_editor("editor-a", OFFICE_A).user


@pytest.fixture
def second_editor_a(roles):
    return grant_office_editor("editor-a2", OFFICE_A).user


@pytest.fixture
def editor_b(roles):
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
