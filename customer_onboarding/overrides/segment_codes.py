"""Territory and Customer Group codes used in customer codes: letters and digits, upper case."""

import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.core.codes import is_valid_segment_code, normalise_segment_code


def validate_territory_code(doc: Document, method: str | None = None) -> None:
	validate_segment_code(doc, "territory_code")


def validate_group_code(doc: Document, method: str | None = None) -> None:
	validate_segment_code(doc, "group_code")


def validate_segment_code(doc: Document, fieldname: str) -> None:
	code = normalise_segment_code(doc.get(fieldname))
	if code and not is_valid_segment_code(code):
		frappe.throw(
			_("{0} {1} may only contain 1 to 10 letters or digits").format(
				frappe.bold(_(doc.meta.get_label(fieldname))), frappe.bold(code)
			)
		)
	doc.set(fieldname, code or None)
