from frappe import _

from customer_onboarding.core.registration_files import ALLOWED_EXTENSIONS
from customer_onboarding.registration.files import max_licence_bytes


def get_context(context):
	"""Frappe's template shows the introduction as it is stored, so it is translated here; the script gets the
	licence file's limits."""
	context.introduction_text = _(context.introduction_text)
	context.licence_max_bytes = max_licence_bytes()
	context.licence_file_types = list(ALLOWED_EXTENSIONS)
