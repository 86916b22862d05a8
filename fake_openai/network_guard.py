"""Keep the test suite on loopback: any other connection or name lookup fails the test.

Installed for the whole session by conftest.py. It wraps the two doors every client in the
suite goes through (`socket.socket.connect*` and `socket.getaddrinfo`), so no traffic can
leave the machine even if an example is pointed at a real host by mistake.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


class NetworkBlocked(RuntimeError):
    """Raised instead of a connection or lookup that would leave the machine."""


def is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str):
        return False
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def check_address(address: Any) -> None:
    """Allow Unix sockets and loopback (host, port[, ...]) tuples; refuse everything else."""
    if isinstance(address, str | bytes):  # AF_UNIX path
        return
    host = address[0] if isinstance(address, tuple) else address
    if not is_loopback(host):
        raise NetworkBlocked(f"tests may only reach loopback; refused a connection to {address!r}")


def _guard_connect(original: Callable[..., Any]) -> Callable[..., Any]:
    def connect(self: socket.socket, address: Any) -> Any:
        check_address(address)
        return original(self, address)

    connect.__wrapped__ = original  # type: ignore[attr-defined]
    return connect


def _guard_getaddrinfo(original: Callable[..., Any]) -> Callable[..., Any]:
    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not is_loopback(host):
            raise NetworkBlocked(f"tests may only reach loopback; refused to resolve {host!r}")
        return original(host, *args, **kwargs)

    getaddrinfo.__wrapped__ = original  # type: ignore[attr-defined]
    return getaddrinfo


def install() -> None:
    if hasattr(socket.socket.connect, "__wrapped__"):
        return
    socket.socket.connect = _guard_connect(socket.socket.connect)  # type: ignore[method-assign]
    socket.socket.connect_ex = _guard_connect(socket.socket.connect_ex)  # type: ignore[method-assign]
    socket.getaddrinfo = _guard_getaddrinfo(socket.getaddrinfo)
