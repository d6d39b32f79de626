import frappe
from frappe import _
from frappe.model.document import Document

from customer_onboarding.core.importing.mapping import heading_words
from customer_onboarding.importing.mapping import target_label


class CustomerImportMapping(Document):
	"""How the columns of a spreadsheet in another layout are imported; see core/importing/mapping.py."""

	def validate(self):
		self.refuse_repeated_headings_and_targets()
		if not any(row.target == "customer_name" for row in self.columns):
			frappe.throw(_("Map one column to Customer Name"), title=_("Incomplete mapping"))

	def refuse_repeated_headings_and_targets(self):
		headings, targets = set(), set()
		for row in self.columns:
			words = heading_words(row.heading)
			if words in headings:
				frappe.throw(
					_("Row {0}: heading {1} is already mapped").format(row.idx, frappe.bold(row.heading)),
					title=_("Repeated heading"),
				)
			if row.target and row.target in targets:
				frappe.throw(
					_("Row {0}: another column is already imported as {1}").format(
						row.idx, frappe.bold(target_label(row.target))
					),
					title=_("Repeated target"),
				)
			headings.add(words)
			targets.add(row.target)
