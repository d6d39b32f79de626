const STATE_COLOURS = {
	Draft: "gray",
	"Pending Review": "orange",
	Returned: "red",
	Approved: "blue",
	Enabled: "green",
	Disabled: "darkgrey",
};

frappe.ui.form.on("Customer", {
	refresh(frm) {
		if (frm.is_new()) return;
		show_customer_code(frm);
		show_onboarding_state(frm);
		add_follow_up_button(frm);
		show_change_request(frm);
	},

	before_workflow_action(frm) {
		if (frm.selected_workflow_action !== "Return") return;
		frappe.dom.unfreeze();
		return ask_review_comment(frm).then(() => frappe.dom.freeze());
	},
});

function show_customer_code(frm) {
	if (frm.doc.customer_code && frm.doc.customer_code !== frm.doc.name) {
		frm.dashboard.add_comment(__("Customer Code: {0}", [frm.doc.customer_code.bold()]), "blue", true);
	}
}

function show_onboarding_state(frm) {
	const state = frm.doc.workflow_state;
	if (!state) return;
	frm.page.set_indicator(__(state), STATE_COLOURS[state] || "gray");
	if (state === "Returned" && frm.doc.review_comment) {
		frm.set_intro(__("Returned for changes: {0}", [frappe.utils.escape_html(frm.doc.review_comment)]), "red");
	}
}

function ask_review_comment(frm) {
	return new Promise((resolve, reject) => {
		const dialog = new frappe.ui.Dialog({
			title: __("Return for changes"),
			fields: [{ fieldname: "comment", fieldtype: "Small Text", label: __("Review Comment"), reqd: 1 }],
			primary_action_label: __("Return"),
			primary_action({ comment }) {
				frappe
					.xcall("customer_onboarding.api.set_review_comment", { customer: frm.doc.name, comment })
					.then(() => {
						// Settle before hiding: hiding calls onhide, which would cancel the action.
						resolve();
						dialog.hide();
					}, reject);
			},
		});
		dialog.onhide = () => reject();
		dialog.show();
	});
}

function add_follow_up_button(frm) {
	frm.add_custom_button(__("Add Follow-up"), () => {
		const dialog = new frappe.ui.Dialog({
			title: __("Add Follow-up"),
			fields: [
				{ fieldname: "channel", fieldtype: "Select", label: __("Channel"), default: "Phone",
					options: ["Phone", "Visit", "Email", "WeChat", "Meeting", "Other"].map((value) => ({ value, label: __(value) })) },
				{ fieldname: "contact", fieldtype: "Link", label: __("Contact"), options: "Contact",
					get_query: () => ({ filters: { link_doctype: "Customer", link_name: frm.doc.name } }) },
				{ fieldname: "summary", fieldtype: "Small Text", label: __("Summary"), reqd: 1 },
				{ fieldname: "result", fieldtype: "Small Text", label: __("Result") },
				{ fieldname: "next_step", fieldtype: "Small Text", label: __("Next Step") },
				{ fieldname: "next_follow_up_date", fieldtype: "Date", label: __("Next Follow-up Date") },
			],
			primary_action_label: __("Save"),
			primary_action(values) {
				frappe
					.xcall("customer_onboarding.api.add_follow_up", { customer: frm.doc.name, ...values })
					.then(() => {
						dialog.hide();
						frm.reload_doc();
					});
			},
		});
		dialog.show();
	});
}

frappe.ui.form.on("Customer", {
	onload: mark_required_fields,
	refresh: mark_required_fields,
	customer_type: mark_required_fields,
	customer_name: warn_about_duplicates,
	tax_id: warn_about_duplicates,
});

// The fields the required-field matrix asks of this customer type carry the required mark, as the type changes.
function mark_required_fields(frm) {
	const required = customer_onboarding.required_fields(frm.doc.customer_type);
	for (const fieldname of customer_onboarding.matrix_fields()) {
		const stock = frappe.meta.get_docfield("Customer", fieldname) || {};
		frm.toggle_reqd(fieldname, required.includes(fieldname) || !!stock.reqd);
	}
}

function warn_about_duplicates(frm) {
	if (frm.is_new()) customer_onboarding.warn_about_duplicates(frm.doc);
}

function show_change_request(frm) {
	const request = (frm.doc.__onload || {}).change_request;
	if (request && request.workflow_state === "Approved" && request.effective_date) {
		frm.dashboard.set_headline_alert(
			__("Change {0} takes effect on {1}", [request.name.bold(), frappe.datetime.str_to_user(request.effective_date)]),
			"blue"
		);
	} else if (request) {
		frm.dashboard.set_headline_alert(__("Change request {0} is open ({1})", [request.name.bold(), __(request.workflow_state)]), "orange");
	}
	if (frm.doc.workflow_state !== "Enabled" || request) return;
	frm.add_custom_button(__("Request Change"), () =>
		frappe.new_doc("Customer Change Request", { customer: frm.doc.name })
	);
}
