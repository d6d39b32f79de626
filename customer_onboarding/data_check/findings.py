"""Stored customers checked against today's rules, with the same checks a save runs, and against each other through
the match keys. Read in batches; nothing is written."""

from dataclasses import dataclass

import frappe
from frappe.query_builder.functions import Count, Max, Min

from customer_onboarding.core.match_keys import IDENTIFIERS
from customer_onboarding.core.problems import Problem
from customer_onboarding.match_keys.store import KEYS, contact_rows, rows_of
from customer_onboarding.settings import required_matrix
from customer_onboarding.validation import email_problems, phone_problem, value_problems

# Each kind of problem with its label, in English; the report and the stocktake show it translated.
CATEGORY_LABELS = {
	"invalid_tax_id": "Invalid tax ID",
	"bad_phone": "Unusable phone number",
	"bad_email": "Invalid e-mail",
	"missing_field": "Missing required field",
	"shared_key": "Shared with another customer",
}

BATCH = 5_000
CATEGORIES = {
	"uscc_length": "invalid_tax_id",
	"uscc_format": "invalid_tax_id",
	"uscc_checksum": "invalid_tax_id",
	"phone_unreadable": "bad_phone",
	"phone_invalid": "bad_phone",
	"phone_not_mobile": "bad_phone",
	"email_invalid": "bad_email",
	"required": "missing_field",
	"shared_key": "shared_key",
}


@dataclass(frozen=True)
class Finding:
	customer: str
	problem: Problem
	contact: str | None = None
	other_customer: str | None = None

	@property
	def category(self) -> str:
		return CATEGORIES[self.problem.code]


def find_problems(customers: list[str]) -> list[Finding]:
	"""Every finding about these customers: their own values, their contacts', and keys they share."""
	shared = shared_keys()
	findings = []
	for start in range(0, len(customers), BATCH):
		batch = customers[start : start + BATCH]
		findings += own_value_findings(batch) + contact_findings(batch) + shared_key_findings(batch, shared)
	return findings


def own_value_findings(customers: list[str]) -> list[Finding]:
	fields = {"name", "customer_type", "tax_id", "mobile_no", "email_id"} | {f for _t, f in required_matrix()}
	rows = rows_of("Customer", "name", customers, sorted(fields))
	return [Finding(row.name, problem) for row in rows for problem in value_problems(row)]


def contact_findings(customers: list[str]) -> list[Finding]:
	findings = [
		Finding(customer, problem, contact)
		for customer, contact, phone, mobile in contact_rows(
			"Contact Phone", ["phone", "is_primary_mobile_no"], customers
		)
		if (problem := phone_problem(phone, "phone", bool(mobile)))
	]
	findings += [
		Finding(customer, problem, contact)
		for customer, contact, email in contact_rows("Contact Email", ["email_id"], customers)
		for problem in email_problems({"email_id": email}, ["email_id"])
	]
	return findings


def shared_keys() -> dict[str, list[Finding]]:
	"""Findings, by customer, for tax ID, phone and e-mail keys held by more than one customer, naming another
	holder. Two grouped queries over the key table, whatever the number of customers."""
	key = frappe.qb.DocType(KEYS)
	groups = (
		frappe.qb.from_(key)
		.select(key.key_type, key.key_value, Min(key.customer), Max(key.customer))
		.where(key.key_type.isin(IDENTIFIERS))
		.groupby(key.key_type, key.key_value)
		.having(Count(key.customer).distinct() > 1)
	).run()
	holders = {(kind, value): (first, last) for kind, value, first, last in groups}
	values = sorted({value for _kind, value in holders})
	findings: dict[str, list[Finding]] = {}
	for start in range(0, len(values), 1_000):
		rows = (
			frappe.qb.from_(key)
			.select(key.customer, key.key_type, key.key_value)
			.where(key.key_type.isin(IDENTIFIERS) & key.key_value.isin(values[start : start + 1_000]))
			.orderby(key.customer)
		).run()
		for customer, kind, value in rows:
			if (kind, value) in holders:
				first, last = holders[(kind, value)]
				other = last if first == customer else first
				finding = Finding(customer, Problem("shared_key", kind, value), other_customer=other)
				findings.setdefault(customer, []).append(finding)
	return findings


def shared_key_findings(customers: list[str], shared: dict[str, list[Finding]]) -> list[Finding]:
	return [finding for customer in customers for finding in shared.get(customer, [])]
