"""The suite can reach loopback only: anything else fails (fake_openai/network_guard.py)."""

from __future__ import annotations

import socket

import pytest

from fake_openai.network_guard import NetworkBlocked, check_address


@pytest.mark.parametrize(
    "address", [("127.0.0.1", 80), ("127.8.9.10", 443), ("::1", 80, 0, 0), "/tmp/a.sock"]
)
def test_loopback_and_unix_sockets_are_allowed(address) -> None:
    check_address(address)


@pytest.mark.parametrize("address", [("203.0.113.7", 443), ("2001:db8::1", 443, 0, 0)])
def test_other_addresses_are_refused(address) -> None:
    with pytest.raises(NetworkBlocked, match="loopback"):
        check_address(address)


def test_the_guard_is_installed_on_every_socket() -> None:
    assert hasattr(socket.socket.connect, "__wrapped__")
    assert hasattr(socket.socket.connect_ex, "__wrapped__")
    with pytest.raises(NetworkBlocked, match="api.openai.com"):
        socket.getaddrinfo("api.openai.com", 443)  # refused before any lookup is sent


def test_loopback_still_resolves() -> None:
    assert socket.getaddrinfo("localhost", 80)
