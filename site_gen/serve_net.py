"""Where the preview server listens, and which ``Host`` headers it answers.

The preview binds 127.0.0.1 unless told otherwise. Binding loopback keeps other machines out,
but not other web pages: a page on any site can make the browser resolve its own name to
127.0.0.1 (DNS rebinding) and then read the preview as "same origin". Such requests carry that
site's name in ``Host``, so a loopback server answers only Host values that name it (its address
or ``localhost`` with its port) and refuses the rest with 403. Serving on a non-loopback address
was asked for explicitly (``--host``) and is reached under names we cannot know: no check.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from collections.abc import Iterable

PORT_TRIES = 20  # a busy port: the next ones are tried, this many in all
BACKLOG = 1024  # a browser opening many pages, or a load test, must not be turned away


class ListenError(OSError):
    """No socket could be bound; the message says where and why, for the user."""


def is_loopback(host: str) -> bool:
    """The address or name reaches only this machine (a name: every address it resolves to)."""
    name = host.strip().strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(name, None, type=socket.SOCK_STREAM)
    except OSError:
        return False
    return bool(infos) and all(_ip(info[4][0]).is_loopback for info in infos)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.ip_address(text.split("%", 1)[0])


def url_host(host: str) -> str:
    """The host as written in a URL: IPv6 addresses in brackets; the unspecified address (which
    listens everywhere) as 127.0.0.1, the address a browser on this machine opens."""
    name = host.strip("[]")
    if name in ("", "0.0.0.0", "::"):
        return "127.0.0.1"
    return f"[{name}]" if ":" in name else name


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values that name a loopback server on ``host:port``."""
    names = {"localhost", "127.0.0.1", "[::1]", url_host(host).lower()}
    values = {f"{n}:{port}" for n in names}
    if port == 80:  # browsers leave the default port out
        values |= names
    return frozenset(values)


def host_allowed(header: str | None, allowed: frozenset[str] | None) -> bool:
    """``allowed`` None: no check (an explicit non-loopback ``--host``)."""
    if allowed is None:
        return True
    return header is not None and header.strip().lower() in allowed


def listen(host: str, port: int, tries: int = PORT_TRIES) -> tuple[list[socket.socket], int]:
    """Listening sockets on ``host`` at ``port``, or at the next free port (``port`` 0: any).

    Returns the sockets and the port. Raises ``ListenError`` with a message for the user when no
    port of the range is free, or the address cannot be used at all."""
    ports: Iterable[int] = [0] if port == 0 else range(port, min(port + tries, 65536))
    tried = []
    for p in ports:
        tried.append(p)
        try:
            sockets = _bind_all(host, p)
        except socket.gaierror as exc:
            raise ListenError(f"cannot listen on {host}: {exc.strerror or exc}") from None
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                continue
            raise ListenError(f"cannot listen on {host}:{p}: {exc.strerror or exc}") from None
        return sockets, sockets[0].getsockname()[1]
    span = f"ports {tried[0]} to {tried[-1]} are all" if len(tried) > 1 else f"port {tried[0]} is"
    raise ListenError(f"{span} in use on {host}; choose another with --port")


def _bind_all(host: str, port: int) -> list[socket.socket]:
    """One socket per address of ``host`` (``localhost``: IPv4 and IPv6), all on one port."""
    infos = socket.getaddrinfo(
        host or None, port, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_PASSIVE
    )
    sockets: list[socket.socket] = []
    seen = set()
    try:
        for family, kind, proto, _name, address in infos:
            if (family, address) in seen:
                continue
            seen.add((family, address))
            if port == 0 and sockets:  # the OS chose a port for the first: use it for all
                address = (address[0], sockets[0].getsockname()[1], *address[2:])
            sock = socket.socket(family, kind, proto)
            try:
                sock.set_inheritable(False)
                # Rebinding right after a restart must work (connections in TIME_WAIT); a port
                # another server listens on still fails with EADDRINUSE on Linux.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                sock.bind(address)
            except OSError as exc:
                sock.close()
                # ::1 on a machine without IPv6: the other addresses of the name suffice.
                if exc.errno == errno.EADDRNOTAVAIL and family == socket.AF_INET6:
                    continue
                raise
            sock.setblocking(False)
            sock.listen(BACKLOG)
            sockets.append(sock)
        if not sockets:
            raise OSError(errno.EADDRNOTAVAIL, "no usable address", host)
        return sockets
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
