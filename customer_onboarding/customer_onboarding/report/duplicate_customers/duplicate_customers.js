frappe.query_reports["Duplicate Customers"] = {
	filters: [{ fieldname: "min_score", label: __("Minimum Score"), fieldtype: "Int", default: 85 }],

	onload(report) {
		report.page.add_inner_button(__("Merge Selected Pair"), () => {
			const row = report.datatable && report.datatable.rowmanager.getCheckedRows().map((i) => report.data[i])[0];
			if (!row) return frappe.msgprint(__("Tick the pair to merge first."));
			frappe.confirm(
				__("Merge {0} into {1}? Every document of {0} will then belong to {1}.", [row.duplicate, row.customer]),
				() =>
					frappe
						.xcall("customer_onboarding.api.merge_customers", { source: row.duplicate, target: row.customer })
						.then(() => report.refresh())
			);
		});
	},

	get_datatable_options(options) {
		return Object.assign(options, { checkboxColumn: true });
	},
};
