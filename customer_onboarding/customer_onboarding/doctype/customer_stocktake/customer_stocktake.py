import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

RUN_FIELDS = ("company", "period_from", "period_to", "churn_days")


class CustomerStocktake(Document):
	"""Its own checks are here; the run lives in stocktake/run.py, queued in the background."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from customer_onboarding.customer_onboarding.doctype.customer_stocktake_count.customer_stocktake_count import (
			CustomerStocktakeCount,
		)

		average_quality: DF.Float
		churn_days: DF.Int
		company: DF.Link
		counts: DF.Table[CustomerStocktakeCount]
		customers: DF.Int
		error: DF.SmallText | None
		follow_ups_created: DF.Int
		period_from: DF.Date
		period_to: DF.Date
		previous_stocktake: DF.Link | None
		run_by: DF.Link | None
		run_on: DF.Datetime | None
		status: DF.Literal["Draft", "Queued", "Running", "Completed", "Failed"]
	# end: auto-generated types

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
