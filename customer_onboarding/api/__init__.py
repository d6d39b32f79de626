"""Whitelisted methods the desk calls. Each checks permissions and hands over to the module that owns the rule."""

import frappe
from frappe import _

from customer_onboarding.arguments import refuse_oversized, refuse_too_many
from customer_onboarding.change_requests import requests as change_requests
from customer_onboarding.constants import MASTER_MANAGER, PENDING_REVIEW, REVIEWER
from customer_onboarding.core.stocktake import TIERS
from customer_onboarding.duplicates import duplicate_candidates, merge, reason_labels
from customer_onboarding.exceptions import OnboardingStateError
from customer_onboarding.follow_ups import record_follow_up
from customer_onboarding.importing.importer import import_progress, validate_import
from customer_onboarding.importing.jobs import import_template, queue_import
from customer_onboarding.lifecycle import refuse_self_review
from customer_onboarding.registry import batch as registry_batch
from customer_onboarding.registry import form as registry_form
from customer_onboarding.stocktake.run import create_follow_up_todos, queue_stocktake


@frappe.whitelist(methods=["POST"])
def set_review_comment(customer: str, comment: str) -> None:
	"""Store the reviewer's comment just before the Return action, which requires one."""
	refuse_oversized("docname", "Customer", customer)
	refuse_oversized("text", "Review Comment", comment)
	doc = frappe.get_doc("Customer", customer)
	store_review_comment(doc, comment, refuse_self_review, _("Customer {0} is not pending review"))
	if not (comment or "").strip():
		frappe.throw(_("Write a review comment before returning the customer"), OnboardingStateError)
	doc.db_set("review_comment", comment.strip(), update_modified=False)


def store_review_comment(doc, comment: str, refuse_own, not_pending: str) -> None:
	"""Checks shared by the comments that Return and Reject require: a reviewer, pending review, not their own."""
	if REVIEWER not in frappe.get_roles():
		frappe.throw(_("Only a {0} can comment on a review").format(_(REVIEWER)), frappe.PermissionError)
	if doc.workflow_state != PENDING_REVIEW:
		frappe.throw(not_pending.format(frappe.bold(doc.name)), OnboardingStateError)
	refuse_own(doc)


@frappe.whitelist(methods=["POST"])
def add_follow_up(customer: str, summary: str, **values) -> str | None:
	"""Record a follow-up from the form's button; the customer's own permissions and checks apply."""
	refuse_oversized("docname", "Customer", customer)
	refuse_too_many("Follow-up", values)
	for label, value in {"Summary": summary, **values}.items():
		refuse_oversized("text", label, value)
	return record_follow_up(customer, summary, values)


@frappe.whitelist()
def download_customer_template(language: str | None = None) -> None:
	"""The import template as an .xlsx download, headers in the user's language unless asked otherwise."""
	refuse_oversized("language", "Language", language)
	frappe.has_permission("Customer Import", "create", throw=True)
	frappe.response.filename = "customer-import-template.xlsx"
	frappe.response.filecontent = import_template(language or frappe.local.lang)
	frappe.response.type = "binary"


@frappe.whitelist(methods=["POST"])
def validate_customer_import(name: str) -> dict:
	refuse_oversized("docname", "Customer Import", name)
	doc = frappe.get_doc("Customer Import", name)
	doc.check_permission("write")
	return validate_import(doc)


@frappe.whitelist(methods=["POST"])
def start_customer_import(name: str) -> str:
	"""Queue the import; asking again while it is queued or running changes nothing."""
	refuse_oversized("docname", "Customer Import", name)
	doc = frappe.get_doc("Customer Import", name)
	doc.check_permission("write")
	return queue_import(doc)


@frappe.whitelist()
def customer_import_progress(name: str) -> dict:
	"""Status and rows done so far, for clients that follow an import."""
	refuse_oversized("docname", "Customer Import", name)
	doc = frappe.get_doc("Customer Import", name)
	doc.check_permission("read")
	return import_progress(doc)


@frappe.whitelist()
def find_duplicates(
	customer_name: str | None = None,
	tax_id: str | None = None,
	mobile_no: str | None = None,
	email_id: str | None = None,
	exclude: str | None = None,
) -> list[dict]:
	"""Existing customers that may be the same business, each with a score from 0 to 100 and the reasons."""
	refuse_oversized("customer_name", "Customer Name", customer_name)
	refuse_oversized("tax_id", "Tax ID", tax_id)
	refuse_oversized("phone", "Mobile No", mobile_no)
	refuse_oversized("email", "Email Id", email_id)
	refuse_oversized("docname", "Customer", exclude)
	frappe.has_permission("Customer", "read", throw=True)
	return [
		{
			"customer": c.name,
			"customer_name": c.customer_name,
			"score": c.score,
			"reasons": c.reasons,
			"reason_labels": reason_labels(c.reasons),
		}
		for c in duplicate_candidates(customer_name, tax_id, mobile_no, email_id, exclude)
	]


@frappe.whitelist(methods=["POST"])
def merge_customers(source: str, target: str) -> str:
	"""Merge `source` into `target` with Frappe's rename-and-merge: its links now point at `target`."""
	refuse_oversized("docname", "Customer", source)
	refuse_oversized("docname", "Customer", target)
	return merge(source, target)


@frappe.whitelist()
def change_request_rows(customer: str) -> dict:
	"""What a new change request of this customer starts with: every sensitive field, current and proposed."""
	refuse_oversized("docname", "Customer", customer)
	doc = frappe.get_doc("Customer", customer)
	doc.check_permission("write")
	return {
		"items": change_requests.proposed_rows(doc),
		"credit_limits": [
			{f: row.get(f) for f in change_requests.CREDIT_LIMIT_FIELDS} for row in doc.credit_limits
		],
	}


@frappe.whitelist(methods=["POST"])
def refresh_change_request(name: str) -> list[str]:
	"""Take the customer's values of now as the request's current values; returns the fields that moved."""
	refuse_oversized("docname", "Customer Change Request", name)
	doc = frappe.get_doc("Customer Change Request", name)
	doc.check_permission("write")
	return change_requests.refresh(doc)


@frappe.whitelist(methods=["POST"])
def set_change_request_comment(name: str, comment: str) -> None:
	"""Store the reviewer's comment just before the Reject action, which requires one."""
	refuse_oversized("docname", "Customer Change Request", name)
	refuse_oversized("text", "Review Comment", comment)
	doc = frappe.get_doc("Customer Change Request", name)
	store_review_comment(
		doc, comment, change_requests.refuse_self_approval, _("Change request {0} is not pending review")
	)
	if not (comment or "").strip():
		frappe.throw(_("Write a review comment before rejecting the change request"), OnboardingStateError)
	doc.db_set("review_comment", comment.strip(), update_modified=False)


@frappe.whitelist(methods=["POST"])
def run_customer_stocktake(name: str) -> str:
	"""Queue the stocktake; it analyses the customers the user may read."""
	refuse_oversized("docname", "Customer Stocktake", name)
	doc = frappe.get_doc("Customer Stocktake", name)
	doc.check_permission("write")
	return queue_stocktake(doc)


@frappe.whitelist(methods=["POST"])
def create_stocktake_follow_ups(name: str, tier: str) -> int:
	"""A follow-up ToDo for each account manager per customer of theirs in `tier`, once per customer per run."""
	refuse_oversized("docname", "Customer Stocktake", name)
	if tier not in TIERS:
		frappe.throw(_("{0} is not a value tier").format(frappe.bold(tier)))
	doc = frappe.get_doc("Customer Stocktake", name)
	doc.check_permission("write")
	if doc.status != "Completed":
		frappe.throw(_("Stocktake {0} has not completed").format(frappe.bold(doc.name)))
	return create_follow_up_todos(doc, tier)


@frappe.whitelist(methods=["POST"])
def check_registry(
	tax_id: str | None = None,
	customer_name: str | None = None,
	registered_address: str | None = None,
	customer: str | None = None,
) -> dict:
	"""The business registry's facts for the code and how they differ from the customer's (saved or typed)."""
	refuse_oversized("tax_id", "Tax ID", tax_id)
	refuse_oversized("customer_name", "Customer Name", customer_name)
	refuse_oversized("text", "Registered Address", registered_address)
	refuse_oversized("docname", "Customer", customer)
	return registry_form.check_for_form(tax_id, customer_name, registered_address, customer)


@frappe.whitelist()
def registry_result(customer: str) -> dict | None:
	refuse_oversized("docname", "Customer", customer)
	return registry_form.stored_result(customer)


@frappe.whitelist(methods=["POST"])
def request_change_from_registry(customer: str) -> str:
	refuse_oversized("docname", "Customer", customer)
	return registry_form.request_change_from_registry(customer)


@frappe.whitelist(methods=["POST"])
def check_all_customers_in_registry() -> None:
	if not {"System Manager", MASTER_MANAGER} & set(frappe.get_roles()):
		frappe.throw(
			_("Only a System Manager or a {0} can check all customers").format(_(MASTER_MANAGER)),
			frappe.PermissionError,
		)
	registry_batch.queue_check_all()
