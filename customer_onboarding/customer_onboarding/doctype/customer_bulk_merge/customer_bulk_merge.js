frappe.ui.form.on("Customer Bulk Merge", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Dry Run"), () =>
			frappe
				.xcall("customer_onboarding.api.bulk_merge_dry_run", { name: frm.doc.name })
				.then((result) => show_dry_run(result))
		);
		// A run killed midway still says Running: starting it again resumes it; the server refuses a second job.
		if (frm.doc.status !== "Queued") {
			frm.add_custom_button(frm.doc.status === "Draft" ? __("Start") : __("Start Again"), () =>
				frappe
					.xcall("customer_onboarding.api.start_bulk_merge", { name: frm.doc.name })
					.then(() => frm.reload_doc())
			);
		}
	},
});

function show_dry_run(result) {
	const rows = result.plans
		.map((plan) => {
			const changes = Object.entries(plan.changes)
				.map(([field, value]) => `${frappe.utils.escape_html(plan.labels[field])}: ${frappe.utils.escape_html(value)}`)
				.join("<br>");
			const others = plan.customers.filter((name) => name !== plan.survivor).join(", ");
			return `<tr><td>${frappe.utils.escape_html(plan.survivor)}</td><td>${frappe.utils.escape_html(others)}</td><td>${changes}</td></tr>`;
		})
		.join("");
	frappe.msgprint({
		title: __("Dry Run: {0} groups, {1} customers", [result.groups, result.customers]),
		wide: true,
		message: `<table class="table table-bordered"><thead><tr><th>${__("Surviving Customer")}</th>
			<th>${__("Merged Into It")}</th><th>${__("Values It Takes")}</th></tr></thead><tbody>${rows}</tbody></table>`,
	});
}
