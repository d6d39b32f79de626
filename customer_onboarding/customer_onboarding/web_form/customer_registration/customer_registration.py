from frappe import _

from customer_onboarding.core.registration_files import ALLOWED_EXTENSIONS
from customer_onboarding.registration.customers import types_requiring
from customer_onboarding.registration.files import max_licence_bytes

# Frappe's upload dialog and attach field on this page, which Frappe sends the page no translations for.
UPLOAD_MESSAGES = (
	"Clear",
	"Reload File",
	"Upload",
	"Drag and drop files here or upload from",
	"My Device",
	"Are you sure you want to delete the attachment?",
	"Yes",
	"No",
)


def get_context(context):
	"""Frappe's template shows the introduction as it is stored, so it is translated here; the script gets the
	licence file's limits and, for each field the required-field matrix asks of some types only, those types."""
	context.introduction_text = _(context.introduction_text)
	context.licence_max_bytes = max_licence_bytes()
	context.licence_file_types = list(ALLOWED_EXTENSIONS)
	context.upload_messages = {message: _(message) for message in UPLOAD_MESSAGES}
	context.types_requiring = {
		field.fieldname: types
		for field in context.web_form_doc.web_form_fields
		if not field.reqd and (types := types_requiring(field.fieldname))
	}
