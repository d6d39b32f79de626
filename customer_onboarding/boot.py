from customer_onboarding.core.required import required_fields_for
from customer_onboarding.registry.providers import has_provider
from customer_onboarding.settings import get_settings, required_matrix
from customer_onboarding.validation import data_checks_apply


def boot_session(bootinfo):
	"""What the desk needs on every page without a round trip: the form's duplicate warning threshold, and the
	fields each customer type must fill in (for the required marks and the quick entry), and whether a business
	registry can be asked."""
	bootinfo.customer_onboarding_duplicate_threshold = get_settings().duplicate_name_threshold or 90
	bootinfo.customer_onboarding_required = required_by_type() if data_checks_apply() else {}
	bootinfo.customer_onboarding_registry = has_provider()


def required_by_type() -> dict[str, list[str]]:
	matrix = required_matrix()
	return {customer_type: required_fields_for(matrix, customer_type) for customer_type, _field in matrix}
