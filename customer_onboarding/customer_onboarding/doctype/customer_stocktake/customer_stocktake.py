import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

RUN_FIELDS = ("company", "period_from", "period_to", "churn_days")


class CustomerStocktake(Document):
	"""Its own checks are here; the run lives in stocktake/run.py, queued in the background."""

	def validate(self):
		if getdate(self.period_from) > getdate(self.period_to):
			frappe.throw(_("{0} must not be after {1}").format(_("Period From"), _("Period To")))
		if self.churn_days is None:
			self.churn_days = 180
		self.refuse_changing_a_run()

	def refuse_changing_a_run(self):
		"""A run's results belong to its company and period: those stay as they were once it has run."""
		before = self.get_doc_before_save()
		if not before or before.status in ("Draft", "Failed"):
			return
		changed = [f for f in RUN_FIELDS if str(before.get(f)) != str(self.get(f))]
		if changed:
			frappe.throw(
				_("Stocktake {0} has run: {1} can no longer be changed; make a new stocktake instead").format(
					frappe.bold(self.name), ", ".join(_(self.meta.get_label(f)) for f in changed)
				)
			)
