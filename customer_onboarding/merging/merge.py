"""Merging a group of duplicate customers into one survivor: the preview of every field's values side by side,
then the merge itself.

The chosen values are written to the survivor first; then Frappe's rename-and-merge moves every link of each
other customer onto it (documents, contacts, addresses, bank accounts, change history, registry checks), and
the contacts, addresses and bank accounts that became doubled are merged the same way. While change control
applies to the survivor, its sensitive values change only through a change request the merge makes. A
*Customer Merge* record keeps every merged customer's values as they were.
"""

import json

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.rename_doc import get_link_fields, rename_dynamic_links, update_link_field_values
from frappe.model.workflow import apply_workflow
from frappe.utils import now_datetime

from customer_onboarding.change_requests.fields import (
	bank_account_text,
	customer_fields,
	field_label,
	is_controlled,
	sensitive_fields,
)
from customer_onboarding.change_requests.history import log_changes
from customer_onboarding.change_requests.requests import REQUEST, open_request, typed_value
from customer_onboarding.constants import ENABLED, MASTER_MANAGER, SUBMIT_FOR_REVIEW
from customer_onboarding.core.change_requests import BANK_ACCOUNTS, as_text
from customer_onboarding.core.match_keys import EMAIL, PHONE, email_key, phone_key
from customer_onboarding.core.merging import (
	Member,
	address_key,
	bank_account_key,
	choose_survivor,
	choose_values,
	chosen_changes,
	duplicate_groups,
)
from customer_onboarding.exceptions import ChangeRequestError
from customer_onboarding.match_keys.store import contact_rows, refresh_match_keys
from customer_onboarding.settings import get_settings

MERGE = "Customer Merge"
MERGE_ROLES = {MASTER_MANAGER, "System Manager"}
# Customer's own data fields a merge compares, beside the sensitive ones of the settings.
DATA_FIELDS = (
	"customer_name",
	"customer_type",
	"customer_group",
	"territory",
	"tax_id",
	"registered_address",
	"customer_category",
	"credit_days",
	"mobile_no",
	"email_id",
	"website",
	"default_currency",
	"payment_terms",
	"customer_details",
)


def validate_merge_permission() -> None:
	if not set(frappe.get_roles()) & MERGE_ROLES:
		frappe.throw(_("Only a {0} can merge customers").format(_(MASTER_MANAGER)), frappe.PermissionError)


def merge_fields() -> list[str]:
	meta = frappe.get_meta("Customer")
	names = dict.fromkeys([*DATA_FIELDS, *customer_fields()])
	return [f for f in names if meta.has_field(f)]


def load_members(customers: list[str]) -> list[Member]:
	"""The group's customers with their values as text; refused unless two or more different customers exist."""
	names = list(dict.fromkeys(c for c in customers if c))
	rows = frappe.get_all(
		"Customer",
		filters={"name": ["in", names or [""]]},
		fields=["name", "modified", "workflow_state", *merge_fields()],
	)
	missing = sorted(set(names) - {row.name for row in rows})
	if missing:
		frappe.throw(_("Customer {0} does not exist").format(", ".join(frappe.bold(m) for m in missing)))
	if len(rows) < 2:
		frappe.throw(_("Choose two or more different customers to merge"))
	return [
		Member(
			row.name,
			row.modified.isoformat(timespec="microseconds"),
			row.workflow_state == ENABLED,
			{f: as_text(row.get(f)) for f in merge_fields()},
		)
		for row in sorted(rows, key=lambda r: names.index(r.name))
	]


def preview(customers: list[str], survivor: str | None = None) -> dict:
	"""Every field's values side by side, with the member whose value the survivor keeps already chosen."""
	members = load_members(customers)
	survivor = check_survivor(members, survivor)
	sensitive = set(sensitive_fields())
	choices = choose_values(members, merge_fields(), sensitive, survivor)
	states = dict(
		frappe.get_all(
			"Customer", {"name": ["in", [m.name for m in members]]}, ["name", "workflow_state"], as_list=True
		)
	)
	return {
		"survivor": survivor,
		"customers": [
			{"name": m.name, "modified": m.modified, "workflow_state": states.get(m.name)} for m in members
		],
		"fields": [
			{
				"fieldname": f,
				"label": field_label(f),
				"sensitive": f in sensitive,
				"values": {m.name: m.values.get(f, "") for m in members},
				"chosen": choices[f],
			}
			for f in merge_fields()
		],
	}


def check_survivor(members: list[Member], survivor: str | None) -> str:
	if not survivor:
		return choose_survivor(members)
	if survivor not in {m.name for m in members}:
		frappe.throw(_("The surviving customer {0} is not one of those merged").format(frappe.bold(survivor)))
	return survivor


def check_choices(members: list[Member], choices: dict, survivor: str) -> dict[str, str]:
	"""The rules' choices with the user's over them; a field or customer outside the merge is refused."""
	names = {m.name for m in members}
	for fieldname, chosen in choices.items():
		if fieldname not in merge_fields():
			frappe.throw(_("{0} is not a field a merge can choose").format(frappe.bold(fieldname)))
		if chosen not in names:
			frappe.throw(
				_("{0}: customer {1} is not one of those merged").format(
					frappe.bold(field_label(fieldname)), frappe.bold(chosen)
				)
			)
	rules = choose_values(members, merge_fields(), set(sensitive_fields()), survivor)
	return rules | choices


def refuse_open_requests(members: list[Member], survivor: str, needs_request: bool) -> None:
	"""A merged-away customer's open request would land on the survivor; the survivor's own blocks a new one."""
	for member in members:
		if member.name == survivor and not needs_request:
			continue
		request = open_request(member.name)
		if request:
			frappe.throw(
				_("Customer {0} has an open change request {1}: finish or reject it before merging").format(
					frappe.bold(member.name), frappe.bold(request)
				),
				ChangeRequestError,
			)


def merge_group(customers: list[str], survivor: str | None = None, choices: dict | None = None) -> str:
	"""Merge the customers into the survivor with the chosen values; the name of the Customer Merge record."""
	validate_merge_permission()
	members = load_members(customers)
	survivor = check_survivor(members, survivor)
	choices = check_choices(members, choices or {}, survivor)
	changes = chosen_changes(members, choices, survivor)
	target = frappe.get_doc("Customer", survivor)
	controlled = is_controlled(target)
	requested = {f: v for f, v in changes.items() if controlled and f in sensitive_fields()}
	refuse_open_requests(members, survivor, bool(requested))
	record = merge_record(members, survivor, choices)
	written = {f: v for f, v in changes.items() if f not in requested}
	write_values(target, written, members)
	bank_before = bank_account_text(survivor)
	for member in members:
		if member.name != survivor:
			frappe.rename_doc(
				"Customer", member.name, survivor, merge=True, show_alert=False, rebuild_search=False
			)
	keep_written_values(survivor, written)
	merge_linked_records(survivor)
	log_moved_bank_accounts(target, bank_before)
	refresh_match_keys([survivor])
	if requested:
		record.change_request = request_changes(survivor, requested, record)
	record.insert(ignore_permissions=True)
	return record.name


def merge_record(members: list[Member], survivor: str, choices: dict[str, str]) -> Document:
	return frappe.get_doc(
		{
			"doctype": MERGE,
			"survivor": survivor,
			"merged_by": frappe.session.user,
			"merged_on": now_datetime(),
			"chosen_values": json.dumps(choices, ensure_ascii=False, indent=1, sort_keys=True),
			"customers": [
				{
					"customer": m.name,
					"survived": int(m.name == survivor),
					"workflow_state": frappe.db.get_value("Customer", m.name, "workflow_state"),
					"customer_values": json.dumps(
						frappe.get_doc("Customer", m.name).as_dict(no_default_fields=True),
						ensure_ascii=False,
						indent=1,
						sort_keys=True,
						default=str,
					),
				}
				for m in members
			],
		}
	)


def write_values(target: Document, values: dict[str, str], members: list[Member]) -> None:
	"""The chosen values the survivor may take directly. The others' tax ID is not a duplicate: they go."""
	if not values:
		return
	for fieldname, value in values.items():
		target.set(fieldname, typed_value(fieldname, value))
	target.flags.merging_with = {m.name for m in members}
	target.save(ignore_permissions=True)


def keep_written_values(survivor: str, written: dict[str, str]) -> None:
	"""ERPNext's Customer.after_rename sets customer_name to the docname where customers are named by their
	name: the value chosen, already validated by the survivor's save, is put back."""
	if not written:
		return
	now = frappe.db.get_value("Customer", survivor, list(written), as_dict=True)
	moved = {f: typed_value(f, v) for f, v in written.items() if as_text(now.get(f)) != v}
	if moved:
		frappe.db.set_value("Customer", survivor, moved, update_modified=False)


def request_changes(survivor: str, proposed: dict[str, str], record: Document) -> str:
	"""The survivor's sensitive changes, as a change request submitted for review."""
	request = frappe.get_doc(
		{
			"doctype": REQUEST,
			"customer": survivor,
			"reason": _("Merge of customers {0}").format(", ".join(row.customer for row in record.customers)),
			"source": "Merge",
			"items": [{"fieldname": f, "proposed_value": value} for f, value in proposed.items()],
		}
	).insert(ignore_permissions=True)
	apply_workflow(request, SUBMIT_FOR_REVIEW)
	return request.name


def log_moved_bank_accounts(target: Document, before: str) -> None:
	"""Bank accounts that moved onto a controlled survivor go to its change history, as a direct edit would."""
	after = bank_account_text(target.name)
	if is_controlled(target) and BANK_ACCOUNTS in sensitive_fields() and after != before:
		log_changes(target.name, [(BANK_ACCOUNTS, before, after)])


def merge_linked_records(survivor: str) -> None:
	"""Contacts, addresses and bank accounts that are now the survivor's twice become one each."""
	merge_doubles("Contact", contact_keys(survivor))
	merge_doubles("Address", address_keys(survivor))
	merge_doubles("Bank Account", bank_account_keys(survivor))


def merge_doubles(doctype: str, keys: dict[str, set]) -> None:
	"""In each group sharing a key, the first created keeps its name and every link of the others."""
	for group in duplicate_groups(keys):
		created = dict(frappe.get_all(doctype, {"name": ["in", group]}, ["name", "creation"], as_list=True))
		keep, *others = sorted(group, key=lambda name: (created[name], name))
		for other in others:
			fold_into(doctype, other, keep)


def fold_into(doctype: str, other: str, keep: str) -> None:
	"""Frappe's rename-and-merge of `other` into `keep`, without its permission checks: the merge was allowed by
	role, and a Customer Master Manager may not delete contacts, addresses or bank accounts of their own."""
	update_link_field_values(get_link_fields(doctype), other, keep, doctype)
	rename_dynamic_links(doctype, other, keep)
	frappe.flags.merging_customers = True
	try:
		frappe.delete_doc(doctype, other, ignore_permissions=True)
	finally:
		frappe.flags.merging_customers = False


def contact_keys(customer: str) -> dict[str, set]:
	"""Each contact's match keys: its phones and e-mails, normalised as the customers' are."""
	region = get_settings().default_phone_region
	keys: dict[str, set] = {name: set() for name in linked_names("Contact", customer)}
	for _customer, contact, phone in contact_rows("Contact Phone", ["phone"], [customer]):
		keys.setdefault(contact, set()).add((PHONE, phone_key(phone, region)))
	for _customer, contact, email in contact_rows("Contact Email", ["email_id"], [customer]):
		keys.setdefault(contact, set()).add((EMAIL, email_key(email)))
	return {name: {key for key in found if key[1]} for name, found in keys.items()}


def address_keys(customer: str) -> dict[str, set]:
	fields = ["name", "address_type", "address_line1", "address_line2", "city", "pincode"]
	rows = frappe.get_all("Address", {"name": ["in", linked_names("Address", customer) or [""]]}, fields)
	keys = {
		row.name: address_key(row.address_type, row.address_line1, row.address_line2, row.city, row.pincode)
		for row in rows
	}
	return {name: {key} if key else set() for name, key in keys.items()}


def bank_account_keys(customer: str) -> dict[str, set]:
	rows = frappe.get_all(
		"Bank Account", {"party_type": "Customer", "party": customer}, ["name", "bank", "bank_account_no"]
	)
	keys = {row.name: bank_account_key(row.bank, row.bank_account_no) for row in rows}
	return {name: {key} if key else set() for name, key in keys.items()}


def linked_names(doctype: str, customer: str) -> list[str]:
	return frappe.get_all(
		"Dynamic Link",
		{"parenttype": doctype, "link_doctype": "Customer", "link_name": customer},
		pluck="parent",
	)
