"""Translated messages for the problems the core reports. Each one names the field it is about."""

import html

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import escape_html, strip_html

from customer_onboarding.core.problems import Problem


def plain_text(message: str) -> str:
	"""A message for a spreadsheet cell or a terminal: no markup, and the values as typed."""
	return html.unescape(strip_html(message))


def field_label(doc: Document, fieldname: str) -> str:
	label = doc.meta.get_label(fieldname) if doc.meta.has_field(fieldname) else ""
	return frappe.bold(_(label or fieldname.replace("_", " ").title()))


def problem_message(problem: Problem, doc: Document) -> str:
	label = field_label(doc, problem.fieldname)
	value = frappe.bold(escape_html("" if problem.value is None else str(problem.value)))
	templates = {
		"required": lambda: _("{0} is required for a customer of type {1}").format(
			label, frappe.bold(_(doc.get("customer_type") or ""))
		),
		"uscc_length": lambda: _(
			"{0} {1} is not a Unified Social Credit Code: it must have 18 characters, not {2}"
		).format(label, value, problem.details[0]),
		"uscc_format": lambda: _(
			"{0} {1} is not a Unified Social Credit Code: it may only contain digits and the letters A-H, J-N, P-R, T, U, W-Y, with digits in positions 3 to 8"
		).format(label, value),
		"uscc_checksum": lambda: _(
			"{0} {1} is not a Unified Social Credit Code: its check character is wrong"
		).format(label, value),
		"duplicate_tax_id": lambda: _("{0} {1} is already used by customer {2}").format(
			label, value, frappe.bold(problem.details[0])
		),
		"shared_key": lambda: _("{0} {1} is also used by another customer").format(label, value),
		"phone_unreadable": lambda: _("{0} {1} is not a phone number").format(label, value),
		"phone_invalid": lambda: _("{0} {1} is not a valid phone number for region {2}").format(
			label, value, frappe.bold(problem.details[0] if problem.details else "")
		),
		"phone_not_mobile": lambda: _("{0} {1} is not a mobile number").format(label, value),
		"email_invalid": lambda: _("{0} {1} is not a valid email address").format(label, value),
		"code_token_missing": lambda: _(
			"The customer code rule needs {0}, but neither this customer's {1} nor any of its parents has one"
		).format(
			frappe.bold(_(token_label(problem.fieldname))), frappe.bold(_(token_source(problem.fieldname)))
		),
		"code_too_long": lambda: _("The customer code series {0} is longer than 100 characters").format(
			value
		),
		"code_locked": lambda: _("{0} cannot be changed after the customer is created").format(label),
		"pattern_empty": lambda: _("{0} is empty").format(label),
		"pattern_no_serial": lambda: _("{0} {1} has no run of # for the serial number").format(label, value),
		"pattern_two_serials": lambda: _("{0} {1} has more than one run of #").format(label, value),
		"pattern_brace": lambda: _("{0} {1} has an unmatched brace").format(label, value),
		"pattern_unknown_token": lambda: _("{0} {1}: unknown token {2}. Known tokens: {3}").format(
			label, value, frappe.bold("{" + problem.details[0] + "}"), problem.details[1]
		),
	}
	return templates[problem.code]()


def token_label(token: str) -> str:
	return {"territory_code": "Territory Code", "group_code": "Customer Group Code"}.get(token, token)


def token_source(token: str) -> str:
	return {"territory_code": "Territory", "group_code": "Customer Group"}.get(token, token)
