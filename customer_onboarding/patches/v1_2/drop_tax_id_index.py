from customer_onboarding.setup.indexes import drop_tax_id_index


def execute():
	"""The tax ID index of earlier versions: no lookup uses it since the match keys."""
	drop_tax_id_index()
