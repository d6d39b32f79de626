const TIERS = ["High value", "Potential", "At risk", "Churned", "New", "Low value", "No purchases"];

frappe.ui.form.on("Customer Stocktake", {
	setup(frm) {
		const translated = (value) => (value || "").split(" → ").map((part) => __(part)).join(" → ");
		["section", "label"].forEach((field) =>
			frm.fields_dict.counts.grid.update_docfield_property(field, "formatter", translated)
		);
	},

	refresh(frm) {
		if (frm.is_new()) return;
		if (!["Queued", "Running"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Run"), () =>
				frappe.xcall("customer_onboarding.api.run_customer_stocktake", { name: frm.doc.name }).then(() => frm.reload_doc())
			);
		}
		if (frm.doc.status === "Completed") {
			frm.add_custom_button(__("Create Follow-ups"), () => ask_tier(frm));
		}
		listen_for_progress(frm);
	},
});

frappe.ui.form.on("Customer Stocktake Count", {
	form_render(frm, cdt, cdn) {
		const row = locals[cdt][cdn];
		if (row.customer_filter) frappe.set_route("List", "Customer", JSON.parse(row.customer_filter));
	},
});

function ask_tier(frm) {
	frappe.prompt(
		[{ fieldname: "tier", fieldtype: "Select", label: __("Value Tier"), options: TIERS, default: "At risk", reqd: 1 }],
		({ tier }) =>
			frappe
				.xcall("customer_onboarding.api.create_stocktake_follow_ups", { name: frm.doc.name, tier })
				.then((created) => {
					frappe.show_alert({ message: __("{0} follow-up ToDos created", [created]), indicator: "green" });
					frm.reload_doc();
				}),
		__("Follow up customers of a tier"),
		__("Create")
	);
}

function listen_for_progress(frm) {
	if (frm.__stocktake_listening) return;
	frm.__stocktake_listening = true;
	frappe.realtime.on("doc_update", (data) => {
		if (data.doctype === frm.doctype && data.name === frm.doc.name) frm.reload_doc();
	});
}
