def before_tests():
	"""ERPNext's own preparation (setup wizard with a test company) before our suite."""
	from erpnext.setup.utils import before_tests as erpnext_before_tests

	erpnext_before_tests()
