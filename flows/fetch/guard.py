"""SSRF guard: resolve a host and refuse addresses that are not on the public internet,
before any connection is made. The caller then connects to the checked address itself,
so a second DNS answer cannot swap in a private one."""

from __future__ import annotations

import ipaddress
import socket

from flows.fetch.base import FetchError, TransientFetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_blocked(address: IPAddress) -> bool:
    """True for private, loopback, link-local, multicast, reserved, unspecified and other
    non-global addresses, including IPv4 ones wrapped in IPv6 (mapped, 6to4, Teredo, NAT64)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded_ipv4(address)
        if inner is not None and is_blocked(inner):
            return True
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def resolve(host: str, port: int) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise TransientFetchError(f"cannot resolve host {host!r}: {error.strerror}") from error
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def checked_addresses(
    host: str,
    port: int,
    *,
    allow_private: bool,
    allowed_networks: tuple[IPNetwork, ...] = (),
) -> list[IPAddress]:
    """The addresses of `host`, all of them allowed; raise FetchError if any is not.
    `allowed_networks` are let through for every source (e.g. loopback in tests)."""
    addresses = resolve(host, port)
    if not addresses:
        raise FetchError(f"host {host!r} has no address")
    if not allow_private:
        refused = [
            str(address)
            for address in addresses
            if is_blocked(address) and not any(address in net for net in allowed_networks)
        ]
        if refused:
            raise FetchError(
                f"refused: {host!r} resolves to a non-public address ({', '.join(refused)})"
            )
    return addresses
