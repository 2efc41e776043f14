"""The client's address: a forwarded address is believed only from a trusted proxy."""

import pytest

from core.client import client_address

CHAIN = "198.51.100.7, 203.0.113.9"


@pytest.fixture
def behind_proxies(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]


def address(rf, remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_address(rf.get("/", REMOTE_ADDR=remote, **extra))


def test_without_trusted_proxies_the_header_is_ignored(rf):
    assert address(rf, "127.0.0.1", CHAIN) == "127.0.0.1"


def test_from_a_trusted_proxy_the_client_is_the_right_most_address_it_did_not_write_itself(rf, behind_proxies):
    assert address(rf, "127.0.0.1", CHAIN) == "203.0.113.9"


def test_every_proxy_of_a_trusted_network_is_skipped(rf, behind_proxies):
    assert address(rf, "10.1.2.3", f"{CHAIN}, 10.9.9.9, 127.0.0.1") == "203.0.113.9"


def test_a_forged_header_from_anyone_else_is_ignored(rf, behind_proxies):
    assert address(rf, "192.0.2.50", "203.0.113.9") == "192.0.2.50"


def test_ports_and_ipv6_brackets_are_read(rf, behind_proxies):
    assert address(rf, "127.0.0.1", "[2001:db8::1]:443") == "2001:db8::1"


def test_garbage_in_the_header_is_skipped(rf, behind_proxies):
    assert address(rf, "127.0.0.1", "not-an-address, 203.0.113.9") == "203.0.113.9"


def test_a_request_from_the_proxy_itself_is_the_proxy(rf, behind_proxies):
    assert address(rf, "127.0.0.1") == "127.0.0.1"
