from customer_onboarding.setup.fields import make_custom_fields
from customer_onboarding.setup.layout import place_fields_beside_name


def execute():
	"""Tax ID, registered address, mobile and e-mail move beside the customer type on Details."""
	make_custom_fields()
	place_fields_beside_name()
