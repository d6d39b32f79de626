from customer_onboarding.settings import get_settings


def boot_session(bootinfo):
	"""The form's duplicate warning needs the threshold without a round trip."""
	bootinfo.customer_onboarding_duplicate_threshold = get_settings().duplicate_name_threshold or 90
