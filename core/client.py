"""The client's address: ``REMOTE_ADDR``, or what a trusted reverse proxy says it forwarded for.

``X-Forwarded-For`` is believed only when the request comes from one of the
``TRUSTED_PROXIES`` (addresses or networks); anyone else can write that header, so
theirs is ignored. In the chain a trusted proxy hands on, the client is the
right-most address that is not one of our proxies: the addresses left of it were
written by the client itself. django-ipware's parser reads the header (ports,
IPv6 brackets, IPv4-mapped addresses); the network check is ours because ipware
matches its proxy list position by position along the chain.
"""

import functools
import ipaddress

from django.conf import settings
from python_ipware.modern.parsers import parse_ip, split_proxy_chain


@functools.cache
def _networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def trusted_networks():
    """``TRUSTED_PROXIES`` as networks (a bare address is a network of one)."""
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))


def is_trusted_proxy(address):
    return address is not None and any(address in network for network in trusted_networks())


def client_address(request):
    """The address of the client behind our trusted proxies, as a string ("" when there is none)."""
    remote = parse_ip(request.META.get("REMOTE_ADDR", ""))
    if not is_trusted_proxy(remote):
        return str(remote) if remote else ""
    forwarded = split_proxy_chain(request.META.get("HTTP_X_FORWARDED_FOR", "")) or []
    for hop in reversed(forwarded):
        if not is_trusted_proxy(hop):
            return str(hop)
    # Only our proxies in the chain (a health check from the proxy itself): the proxy is the client.
    return str(forwarded[0] if forwarded else remote)
