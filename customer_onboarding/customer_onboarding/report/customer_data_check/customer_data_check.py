"""Customer Data Check: existing customers whose stored values fail today's rules, with a count per problem."""

import frappe
from frappe import _
from frappe.utils import strip_html

from customer_onboarding.data_check.findings import CATEGORY_LABELS, Finding, find_problems
from customer_onboarding.messages import problem_message


def category_labels() -> dict[str, str]:
	return {category: _(label) for category, label in CATEGORY_LABELS.items()}


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	customers = frappe.get_list(
		"Customer",
		filters={"customer_type": filters.customer_type} if filters.customer_type else {},
		fields=["name", "customer_name", "customer_type"],
		order_by="name",
		limit_page_length=0,
	)
	by_name = {c.name: c for c in customers}
	findings = find_problems(list(by_name))
	if filters.problem:
		findings = [f for f in findings if f.category == filters.problem]
	rows = [row(finding, by_name[finding.customer]) for finding in findings]
	return columns(), rows, None, chart(findings), summary(findings)


def row(finding: Finding, customer) -> dict:
	example = example_doc("Contact" if finding.contact else "Customer", customer.customer_type)
	return {
		"customer": customer.name,
		"customer_name": customer.customer_name,
		"customer_type": customer.customer_type,
		"problem": category_labels()[finding.category],
		"details": strip_html(problem_message(finding.problem, example)),
		"contact": finding.contact,
		"other_customer": finding.other_customer,
	}


@frappe.request_cache
def example_doc(doctype: str, customer_type: str):
	"""Messages take field labels and the customer type from a document; one per kind serves every row."""
	return frappe.new_doc(doctype, customer_type=customer_type)


def counts(findings: list[Finding]) -> dict[str, int]:
	result = dict.fromkeys(category_labels(), 0)
	for finding in findings:
		result[finding.category] += 1
	return result


def summary(findings: list[Finding]) -> list[dict]:
	labels = category_labels()
	return [
		{
			"label": labels[category],
			"value": count,
			"indicator": "red" if count else "green",
			"datatype": "Int",
		}
		for category, count in counts(findings).items()
	]


def chart(findings: list[Finding]) -> dict:
	labels = category_labels()
	values = counts(findings)
	return {
		"data": {
			"labels": [labels[c] for c in values],
			"datasets": [{"name": _("Customers"), "values": list(values.values())}],
		},
		"type": "bar",
	}


def columns() -> list[dict]:
	return [
		{
			"fieldname": "customer",
			"label": _("Customer"),
			"fieldtype": "Link",
			"options": "Customer",
			"width": 150,
		},
		{"fieldname": "customer_name", "label": _("Customer Name"), "fieldtype": "Data", "width": 200},
		{"fieldname": "customer_type", "label": _("Customer Type"), "fieldtype": "Data", "width": 100},
		{"fieldname": "problem", "label": _("Problem"), "fieldtype": "Data", "width": 180},
		{"fieldname": "details", "label": _("Details"), "fieldtype": "Data", "width": 380},
		{
			"fieldname": "contact",
			"label": _("Contact"),
			"fieldtype": "Link",
			"options": "Contact",
			"width": 140,
		},
		{
			"fieldname": "other_customer",
			"label": _("Also Used By"),
			"fieldtype": "Link",
			"options": "Customer",
			"width": 150,
		},
	]
