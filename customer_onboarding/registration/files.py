"""The business licence sent with a registration: read from the form's data URL, kept as a private File.

The visitor is a Guest, who may not upload files through Frappe; the form sends the file in its own field
instead, and it is written here with the registration, whatever the site's guest upload setting.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html

from customer_onboarding.core.problems import Problem, ProblemError
from customer_onboarding.core.registration_files import LicenceFile, read_licence
from customer_onboarding.exceptions import LicenceFileError
from customer_onboarding.messages import field_label
from customer_onboarding.settings import get_settings

MEGABYTE = 1024 * 1024


def max_licence_bytes() -> int:
	return get_settings().registration_max_file_mb * MEGABYTE


def take_licence(registration: Document) -> LicenceFile | None:
	"""The file sent in `licence_upload`, which is emptied so the file is not kept in the registration's row."""
	value, registration.licence_upload = registration.licence_upload, None
	if not value:
		return None
	try:
		return read_licence(value, max_licence_bytes())
	except ProblemError as error:
		frappe.throw(licence_message(error.problem, registration), LicenceFileError)


def licence_message(problem: Problem, registration: Document) -> str:
	label = field_label(registration, problem.fieldname)
	templates = {
		"licence_unreadable": lambda: _("{0}: the file could not be read, please attach it again").format(
			label
		),
		"licence_too_large": lambda: _("{0}: the file is larger than {1} MB").format(
			label, int(problem.details[0]) // MEGABYTE
		),
		"licence_type": lambda: _("{0}: {1} is not one of the accepted file types {2}").format(
			label, frappe.bold(escape_html(problem.value)), ", ".join(problem.details)
		),
	}
	return templates[problem.code]()


def store_licence(licence: LicenceFile, registration: Document, customer: str) -> str:
	"""The private file's URL; it is attached to the customer and to the registration."""
	file_url = save_private_file(licence, "Customer", customer)
	save_private_file(licence, registration.doctype, registration.name)
	return file_url


def save_private_file(licence: LicenceFile, doctype: str, name: str) -> str:
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": licence.filename,
			"attached_to_doctype": doctype,
			"attached_to_name": name,
			"is_private": 1,
			"content": licence.content,
		}
	)
	return file.insert(ignore_permissions=True).file_url
