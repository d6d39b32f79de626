frappe.ui.form.on("Customer Recode", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Dry Run"), () =>
			frappe
				.xcall("customer_onboarding.api.recode_dry_run", { name: frm.doc.name })
				.then((result) => show_recode_dry_run(result))
		);
		// A run killed midway still says Running: starting it again resumes it; the server refuses a second job.
		if (frm.doc.status !== "Queued") {
			frm.add_custom_button(frm.doc.status === "Draft" ? __("Start") : __("Start Again"), () =>
				frappe
					.xcall("customer_onboarding.api.start_recode", { name: frm.doc.name })
					.then(() => frm.reload_doc())
			);
		}
	},
});

function show_recode_dry_run(result) {
	const cell = (value) => `<td>${frappe.utils.escape_html(value || "")}</td>`;
	const rows = result.rows
		.map((row) => `<tr>${cell(row.customer)}${cell(row.old)}${cell(row.new || __("No code rule applies"))}</tr>`)
		.join("");
	frappe.msgprint({
		title: __("Dry Run: {0} customers", [result.customers]),
		wide: true,
		message: `<table class="table table-bordered"><thead><tr><th>${__("Customer")}</th><th>${__("Old Code")}</th>
			<th>${__("New Code")}</th></tr></thead><tbody>${rows}</tbody></table>`,
	});
}
