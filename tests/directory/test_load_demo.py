"""load_demo creates the demo admin, whose password is published, only where that is safe."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

# The demo loader itself: given the slice the session imported, it has nothing to import again and runs quickly.
pytestmark = [pytest.mark.django_db, pytest.mark.sample]


@pytest.fixture
def demo_file(tmp_path, sample_data):
    """The slice already imported: load_demo finds nothing to change and runs quickly."""
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(sample_data), encoding="utf-8")
    return str(path)


def load_demo(*arguments, file):
    output = StringIO()
    call_command("load_demo", *arguments, file=file, stdout=output)
    return output.getvalue()


def admin_exists():
    return get_user_model().objects.filter(username="admin").exists()


def test_without_debug_the_demo_admin_is_refused_and_the_command_says_so(settings, demo_file):
    settings.DEBUG = False
    output = load_demo(file=demo_file)
    assert not admin_exists()
    assert "Demo admin not created: DEBUG is off" in output
    assert "--with-demo-admin" in output


def test_with_debug_on_the_demo_admin_is_created(settings, demo_file):
    settings.DEBUG = True
    output = load_demo(file=demo_file)
    assert admin_exists()
    assert "Local admin created" in output


def test_the_demo_admin_can_be_asked_for_explicitly(settings, demo_file):
    settings.DEBUG = False
    load_demo("--with-demo-admin", file=demo_file)
    assert admin_exists()
