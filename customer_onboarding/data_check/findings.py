"""Stored customers checked against today's rules, with the same checks a save runs, and against each other through
the match keys. Read in batches; nothing is written."""

from dataclasses import dataclass

import frappe
from frappe.query_builder.functions import Count, Max, Min

from customer_onboarding.core.match_keys import IDENTIFIERS
from customer_onboarding.core.problems import Problem
from customer_onboarding.match_keys.store import KEYS, contact_rows, keys_of
from customer_onboarding.settings import required_matrix
from customer_onboarding.validation import email_problems, phone_problem, value_problems

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
	rows = frappe.get_all("Customer", filters={"name": ["in", customers]}, fields=sorted(fields))
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


def shared_keys() -> dict[tuple[str, str], tuple[str, str]]:
	"""Tax ID, phone and e-mail keys held by more than one customer, with the first and last of their holders."""
	key = frappe.qb.DocType(KEYS)
	holders = Count(key.customer).distinct()
	rows = (
		frappe.qb.from_(key)
		.select(key.key_type, key.key_value, Min(key.customer), Max(key.customer))
		.where(key.key_type.isin(IDENTIFIERS))
		.groupby(key.key_type, key.key_value)
		.having(holders > 1)
	).run()
	return {(kind, value): (first, last) for kind, value, first, last in rows}


def shared_key_findings(customers: list[str], shared: dict) -> list[Finding]:
	"""A key that one of these customers shares with another, named in the finding."""
	findings = []
	for customer, keys in sorted(keys_of(customers).items()):
		for kind, value in sorted(keys):
			if (kind, value) in shared:
				first, last = shared[(kind, value)]
				other = last if first == customer else first
				findings.append(Finding(customer, Problem("shared_key", kind, value), other_customer=other))
	return findings
