import unittest

from customer_onboarding.core.visitor import TrustedProxyError, parse_networks, visitor_address

NGINX = parse_networks("127.0.0.1")
BALANCER_AND_NGINX = parse_networks("127.0.0.1\n10.0.0.0/8, ::1")


class TestVisitorAddress(unittest.TestCase):
	def test_without_trusted_proxies_the_socket_peer_is_the_visitor_whatever_the_header_says(self):
		self.assertEqual(visitor_address("198.51.100.4", "1.2.3.4", []), "198.51.100.4")
		self.assertEqual(visitor_address("127.0.0.1", "1.2.3.4, 5.6.7.8", []), "127.0.0.1")

	def test_behind_nginx_the_address_nginx_saw_is_the_visitor(self):
		self.assertEqual(visitor_address("127.0.0.1", "203.0.113.9", NGINX), "203.0.113.9")

	def test_a_forged_first_value_is_ignored_behind_a_proxy_that_appends(self):
		self.assertEqual(visitor_address("127.0.0.1", "1.2.3.4, 203.0.113.9", NGINX), "203.0.113.9")

	def test_behind_a_balancer_the_balancers_hop_is_skipped(self):
		chain = "9.9.9.9, 203.0.113.9, 10.1.2.3"
		self.assertEqual(visitor_address("127.0.0.1", chain, BALANCER_AND_NGINX), "203.0.113.9")

	def test_a_header_from_a_peer_that_is_no_trusted_proxy_is_ignored(self):
		self.assertEqual(visitor_address("198.51.100.4", "1.2.3.4", NGINX), "198.51.100.4")

	def test_a_request_from_a_proxy_itself_is_that_proxy(self):
		self.assertEqual(visitor_address("127.0.0.1", None, NGINX), "127.0.0.1")
		self.assertEqual(visitor_address("127.0.0.1", "10.0.0.5", BALANCER_AND_NGINX), "10.0.0.5")

	def test_a_hop_that_is_no_address_is_not_trusted(self):
		self.assertEqual(visitor_address("127.0.0.1", "203.0.113.9, junk", NGINX), "junk")

	def test_networks_are_read_from_lines_commas_and_spaces(self):
		self.assertEqual(len(parse_networks("127.0.0.1\n10.0.0.0/8,  ::1 192.168.0.0/16")), 4)
		self.assertEqual(parse_networks(""), [])
		self.assertEqual(parse_networks(None), [])

	def test_an_entry_that_is_no_address_names_itself(self):
		with self.assertRaises(TrustedProxyError) as raised:
			parse_networks("127.0.0.1\nnginx.local")
		self.assertEqual(raised.exception.entry, "nginx.local")
