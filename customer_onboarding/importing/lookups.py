"""Two of Frappe's per-document lookups, answered more cheaply while an import runs.

Frappe repeats both for every customer an import writes, and together they cost about a third of an import:
- a Contact's link title: `set_link_title` loads the whole linked Customer, with its six child tables, to read
  the customer's name; here the title the import gives (the customer it has just written) is kept, or only the
  title field is read;
- the workflow's definition: `process_workflow_actions` reads the same Workflow Document States and Transitions
  for every customer (`get_cached_value` cannot cache a lookup by filters); here each answer is kept for the
  length of the import, in which neither the workflow nor the importing user's roles change.

The answers are the same as Frappe's, so the documents written are the same. The originals are put back when
each share of the import ends.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from types import ModuleType

import frappe
import frappe.contacts.doctype.contact.contact as contact_module
import frappe.workflow.doctype.workflow_action.workflow_action as workflow_action_module
from frappe.model.document import Document

# Link titles are read by field only for these doctypes: their controllers take the title from the meta.
TITLE_BY_FIELD = ("Customer",)


@contextmanager
def cheaper_lookups() -> Iterator[None]:
	with (
		kept(workflow_action_module, "get_state_optional_field_value"),
		kept(workflow_action_module, "get_allowed_roles"),
		replaced(contact_module, "set_link_title", link_title_setter(contact_module.set_link_title)),
	):
		yield


def kept(module: ModuleType, name: str):
	"""The function's answers, kept after the first call with the same arguments."""
	return replaced(module, name, cache(getattr(module, name)))


@contextmanager
def replaced(module: ModuleType, name: str, replacement: Callable) -> Iterator[None]:
	original = getattr(module, name)
	setattr(module, name, replacement)
	try:
		yield
	finally:
		setattr(module, name, original)


def link_title_setter(original: Callable[[Document], None]) -> Callable[[Document], None]:
	def set_link_title(doc: Document) -> None:
		if any(link.link_doctype not in TITLE_BY_FIELD for link in doc.links):
			original(doc)
			return
		for link in doc.links:
			link.link_title = link.link_title or title_of(link.link_doctype, link.link_name) or link.link_name

	return set_link_title


def title_of(doctype: str, name: str) -> str | None:
	return frappe.db.get_value(doctype, name, frappe.get_meta(doctype).get_title_field())
