frappe.query_reports["Duplicate Customers"] = {
	filters: [{ fieldname: "min_score", label: __("Minimum Score"), fieldtype: "Int", default: 85 }],

	onload(report) {
		report.page.add_inner_button(__("Merge"), () => {
			const rows = report.datatable ? report.datatable.rowmanager.getCheckedRows().map((i) => report.data[i]) : [];
			const customers = [...new Set(rows.flatMap((row) => [row.customer, row.duplicate]))];
			if (customers.length < 2) return frappe.msgprint(__("Tick the rows of the customers to merge first."));
			frappe
				.xcall("customer_onboarding.api.customer_merge_preview", { customers })
				.then((preview) => show_merge_dialog(report, preview));
		});
	},

	get_datatable_options(options) {
		return Object.assign(options, { checkboxColumn: true });
	},
};

// One row per field: each customer's value side by side, a radio button on the value the survivor keeps.
function show_merge_dialog(report, preview) {
	const names = preview.customers.map((c) => c.name);
	const dialog = new frappe.ui.Dialog({
		title: __("Merge Customers"),
		size: "extra-large",
		fields: [
			{
				fieldname: "survivor",
				fieldtype: "Select",
				label: __("Surviving Customer"),
				options: names,
				default: preview.survivor,
				description: __("Every document of the other customers will belong to the surviving customer."),
			},
			{ fieldname: "values", fieldtype: "HTML" },
		],
		primary_action_label: __("Merge"),
		primary_action(values) {
			const choices = {};
			dialog.$wrapper.find("input[data-field]:checked").each(function () {
				choices[$(this).attr("data-field")] = $(this).val();
			});
			frappe
				.xcall("customer_onboarding.api.merge_customer_group", {
					customers: names,
					survivor: values.survivor,
					choices,
				})
				.then((name) => {
					dialog.hide();
					frappe.show_alert({ message: __("Merged: {0}", [name]), indicator: "green" });
					report.refresh();
				});
		},
	});
	const header = preview.customers
		.map((c) => `<th>${frappe.utils.escape_html(c.name)}<br><small>${__(c.workflow_state || "")}</small></th>`)
		.join("");
	const body = preview.fields
		.map((f) => {
			const cells = names
				.map((name) => {
					const checked = f.chosen === name ? "checked" : "";
					const value = frappe.utils.escape_html(f.values[name] || "");
					return `<td><label><input type="radio" name="${f.fieldname}" data-field="${f.fieldname}"
						value="${frappe.utils.escape_html(name)}" ${checked}> ${value}</label></td>`;
				})
				.join("");
			const sensitive = f.sensitive ? ` <span class="text-muted">(${__("sensitive")})</span>` : "";
			return `<tr><td>${frappe.utils.escape_html(f.label)}${sensitive}</td>${cells}</tr>`;
		})
		.join("");
	dialog.fields_dict.values.$wrapper.html(
		`<table class="table table-bordered"><thead><tr><th>${__("Field")}</th>${header}</tr></thead><tbody>${body}</tbody></table>`
	);
	dialog.show();
}
