"""The import and change requests: a row that would change sensitive fields of an enabled customer becomes one
request for that customer, submitted for review, instead of a direct write."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.workflow import apply_workflow

from customer_onboarding.change_requests.fields import is_controlled
from customer_onboarding.change_requests.guard import direct_changes
from customer_onboarding.change_requests.requests import REQUEST
from customer_onboarding.constants import SUBMIT_FOR_REVIEW


def requested_changes(before: Document, after: Document) -> list[tuple[str, str, str]]:
	"""(field, old, new) of the sensitive fields the update would change, if the customer is under control."""
	return direct_changes(before, after) if is_controlled(before) else []


def request_changes(customer: str, proposed: dict[str, str], import_doc: Document, row: int) -> str:
	request = frappe.get_doc(
		{
			"doctype": REQUEST,
			"customer": customer,
			"reason": _("Customer Import {0}, row {1}").format(import_doc.name, row),
			"source": "Import",
			"customer_import": import_doc.name,
			"items": [{"fieldname": f, "proposed_value": value} for f, value in proposed.items()],
		}
	).insert()
	apply_workflow(request, SUBMIT_FOR_REVIEW)
	return request.name
