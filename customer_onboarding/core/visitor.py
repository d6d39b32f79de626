"""The address of a visitor of a public page, trusting only the proxies the site names.

Frappe takes the first value of X-Forwarded-For, which the visitor writes. A proxy appends the address it saw to
the end of the header, so the visitor is the last address that none of the site's own proxies wrote.
"""

import ipaddress
from collections.abc import Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class TrustedProxyError(ValueError):
	"""An entry of the trusted proxies that is no address or network."""

	def __init__(self, entry: str):
		super().__init__(entry)
		self.entry = entry


def parse_networks(text: str | None) -> list[Network]:
	"""Addresses and networks (CIDR), one per line or separated by commas or spaces."""
	entries = (text or "").replace(",", " ").split()
	networks = []
	for entry in entries:
		try:
			networks.append(ipaddress.ip_network(entry, strict=False))
		except ValueError:
			raise TrustedProxyError(entry) from None
	return networks


def is_trusted(address: str, networks: Sequence[Network]) -> bool:
	try:
		ip = ipaddress.ip_address(address)
	except ValueError:
		return False
	return any(ip in network for network in networks)


def visitor_address(peer: str, forwarded_for: str | None, trusted: Sequence[Network]) -> str:
	"""The socket's peer when it is no trusted proxy; otherwise the last address in X-Forwarded-For that is not
	a trusted proxy (the first hop when every one is)."""
	hops = [hop.strip() for hop in (forwarded_for or "").split(",") if hop.strip()]
	chain = [*hops, peer]
	for address in reversed(chain):
		if not is_trusted(address, trusted):
			return address
	return chain[0]
