"""The admin login is throttled per account and client (django-axes, behind the trusted-proxy helper)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from tests.support.html import soup

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "the-right-password-0123"


@pytest.fixture(autouse=True)
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXIES = ["127.0.0.1"]


@pytest.fixture
def editors():
    for name in ("editor-one", "editor-two"):
        get_user_model().objects.create_superuser(name, f"{name}@example.org", PASSWORD)


def sign_in(username, password, client_address="203.0.113.5"):
    browser = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=client_address)
    return browser.post(LOGIN, {"username": username, "password": password})


def lock_out(username="editor-one", client_address="203.0.113.5"):
    for _attempt in range(3):
        sign_in(username, "wrong", client_address)


def test_after_the_failure_limit_even_the_right_password_is_refused(editors):
    lock_out()
    locked = sign_in("editor-one", PASSWORD)
    assert soup(locked, 429).select("[role=alert]")


def test_wrong_passwords_below_the_limit_do_not_lock(editors):
    for _attempt in range(2):
        sign_in("editor-one", "wrong")
    assert sign_in("editor-one", PASSWORD).status_code == 302


def test_another_account_from_the_same_client_still_signs_in(editors):
    lock_out()
    assert sign_in("editor-two", PASSWORD).status_code == 302


def test_the_same_account_from_another_client_still_signs_in(editors):
    lock_out()
    assert sign_in("editor-one", PASSWORD, client_address="198.51.100.9").status_code == 302


def test_the_team_can_unlock_an_account(editors):
    lock_out()
    call_command("axes_reset_username", "editor-one", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sign_in("editor-one", PASSWORD).status_code == 302
