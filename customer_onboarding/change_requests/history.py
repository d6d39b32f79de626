"""The change history of sensitive fields, one row per field changed, for auditors."""

import frappe
from frappe.model.document import Document
from frappe.utils import now_datetime

from customer_onboarding.change_requests.fields import field_label

LOG = "Customer Change Log"
DIRECT_EDIT = "Direct Edit"
CHANGE_REQUEST = "Change Request"
IMPORT = "Import"


def log_changes(customer: str, changes: list[tuple[str, str, str]], request: Document | None = None) -> None:
	"""`changes` are (fieldname, old value, new value) as text."""
	now = now_datetime()
	for fieldname, old, new in changes:
		frappe.get_doc(
			{
				"doctype": LOG,
				"customer": customer,
				"fieldname": fieldname,
				"label": field_label(fieldname),
				"old_value": old,
				"new_value": new,
				"source": source_of(request),
				"change_request": request.name if request else None,
				"requested_by": request.owner if request else frappe.session.user,
				"requested_on": request.creation if request else now,
				"approved_by": request.approved_by if request else None,
				"changed_on": now,
			}
		).insert(ignore_permissions=True)


def source_of(request: Document | None) -> str:
	if not request:
		return DIRECT_EDIT
	return IMPORT if request.source == "Import" else CHANGE_REQUEST
