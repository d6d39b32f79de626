// The customer each new request's rows were asked for.
const rows_asked_for = new WeakMap();

frappe.ui.form.on("Customer Change Request", {
	setup(frm) {
		frm.set_query("bank_account", "bank_accounts", () => ({
			filters: { party_type: "Customer", party: frm.doc.customer },
		}));
		for (const fieldname of ["current_value", "proposed_value"]) {
			frm.fields_dict.items.grid.update_docfield_property(fieldname, "formatter", shown_value);
		}
		frappe.model.with_doctype("Customer", () => frm.refresh_field("items"));
	},

	refresh(frm) {
		if (frm.is_new() && frm.doc.customer && !(frm.doc.items || []).length) frm.trigger("customer");
		highlight_changes(frm);
		if (frm.doc.moved_fields) {
			frm.set_intro(__("Moved since the request was made:") + "<br>" + frappe.utils.escape_html(frm.doc.moved_fields).replace(/\n/g, "<br>"), "orange");
		}
		if (frm.doc.review_comment && frm.doc.workflow_state === "Rejected") {
			frm.set_intro(__("Rejected: {0}", [frappe.utils.escape_html(frm.doc.review_comment)]), "red");
		}
		if (frm.doc.workflow_state === "Approved" && !frm.doc.applied_on && frm.doc.effective_date) {
			frm.set_intro(__("Approved; takes effect on {0}", [frappe.datetime.str_to_user(frm.doc.effective_date)]), "blue");
		}
		if (!frm.is_new() && ["Draft", "Pending Review"].includes(frm.doc.workflow_state)) {
			frm.add_custom_button(__("Refresh Current Values"), () =>
				frappe
					.xcall("customer_onboarding.api.refresh_change_request", { name: frm.doc.name })
					.then((moved) => {
						frappe.show_alert({
							message: moved.length ? __("Current values refreshed") : __("Nothing moved since the request was made"),
							indicator: moved.length ? "orange" : "green",
						});
						frm.reload_doc();
					})
			);
		}
	},

	// Refresh asks for the rows too, and may ask again before they have come: they are asked once for each
	// customer chosen, and only the chosen customer's are shown, or a late answer would replace rows the user
	// has begun to edit.
	customer(frm) {
		const customer = frm.doc.customer;
		if (!customer || !frm.is_new() || rows_asked_for.get(frm.doc) === customer) return;
		rows_asked_for.set(frm.doc, customer);
		frappe.xcall("customer_onboarding.api.change_request_rows", { customer }).then((rows) => {
			if (frm.doc.customer !== customer) return;
			frm.clear_table("items");
			rows.items.forEach((row) => frm.add_child("items", row));
			frm.clear_table("credit_limits");
			rows.credit_limits.forEach((row) => frm.add_child("credit_limits", row));
			frm.refresh_fields();
		});
	},

	before_workflow_action(frm) {
		if (frm.selected_workflow_action !== "Reject") return;
		frappe.dom.unfreeze();
		return new Promise((resolve, reject) => {
			const dialog = new frappe.ui.Dialog({
				title: __("Reject the change request"),
				fields: [{ fieldname: "comment", fieldtype: "Small Text", label: __("Review Comment"), reqd: 1 }],
				primary_action_label: __("Reject"),
				primary_action({ comment }) {
					frappe
						.xcall("customer_onboarding.api.set_change_request_comment", { name: frm.doc.name, comment })
						.then(() => {
							// Settle before hiding: hiding calls onhide, which would cancel the action.
							resolve();
							dialog.hide();
							frappe.dom.freeze();
						}, reject);
				},
			});
			dialog.onhide = () => reject();
			dialog.show();
		});
	},
});

function highlight_changes(frm) {
	(frm.fields_dict.items.grid.grid_rows || []).forEach((row) => {
		$(row.row).toggleClass("highlight", !!row.doc.changed).css("background-color", row.doc.changed ? "var(--yellow-highlight-color, #fff5c2)" : "");
	});
}

// A choice (such as the customer type) is stored in English and shown in the user's language.
function shown_value(value, df, options, row) {
	const field = row && frappe.meta.get_docfield("Customer", row.fieldname);
	const shown = field && field.fieldtype === "Select" && value ? __(value) : value;
	return frappe.utils.escape_html(shown == null ? "" : String(shown));
}
