// Loaded on every desk page: what must work outside the Customer form as well (lists, reports, the quick entry
// dialog opened from any Customer link field).
frappe.provide("customer_onboarding");

// Workflow states are stored in English; show them in the user's language wherever a link to one is shown.
frappe.form.link_formatters["Workflow State"] = (value) => (value ? __(value) : value);

// The fields the required-field matrix asks of a customer of this type (none while the data checks are off).
customer_onboarding.required_fields = function (customer_type) {
	return (frappe.boot.customer_onboarding_required || {})[customer_type] || [];
};

// Whether a field is required for a customer of this type: by the matrix, or by ERPNext itself.
customer_onboarding.is_required = function (customer_type, fieldname) {
	const stock = frappe.meta.get_docfield("Customer", fieldname) || {};
	return customer_onboarding.required_fields(customer_type).includes(fieldname) || !!stock.reqd;
};

customer_onboarding.matrix_fields = function () {
	return [...new Set(Object.values(frappe.boot.customer_onboarding_required || {}).flat())];
};

// Warns once for each set of values: a field's change event may fire more than once for one edit.
let last_checked = null;
customer_onboarding.warn_about_duplicates = function (values) {
	if (!values.customer_name) return;
	const args = {
		customer_name: values.customer_name,
		tax_id: values.tax_id,
		mobile_no: values.mobile_no,
		email_id: values.email_id,
	};
	if (JSON.stringify(args) === last_checked) return;
	last_checked = JSON.stringify(args);
	frappe
		.xcall("customer_onboarding.api.find_duplicates", args)
		.then((candidates) => {
			const threshold = frappe.boot.customer_onboarding_duplicate_threshold || 90;
			const likely = candidates.filter((c) => c.score >= threshold);
			if (!likely.length) return;
			const links = likely
				.map((c) => `<li>${frappe.utils.get_form_link("Customer", c.customer, true, frappe.utils.escape_html(c.customer_name))}
					(${c.score}: ${c.reason_labels.join(", ")})</li>`)
				.join("");
			frappe.msgprint({
				title: __("Possible duplicate customers"),
				indicator: "orange",
				message: __("These customers look like the one you are entering:") + `<ul>${links}</ul>`,
			});
		});
};

(() => {
// A click on a problem in a save error takes the user to its field, in the quick entry dialog or the form.
$(document).on("click", "[data-customer-field]", function () {
	const fieldname = $(this).attr("data-customer-field");
	const dialog = frappe.quick_entry && frappe.quick_entry.dialog;
	const field = dialog && dialog.fields_dict[QUICK_ENTRY_ALIASES[fieldname] || fieldname];
	if (field) {
		frappe.hide_msgprint();
		field.$input && field.$input.focus();
	} else if (window.cur_frm && cur_frm.get_field(fieldname)) {
		frappe.hide_msgprint();
		cur_frm.scroll_to_field(fieldname);
	}
});

// ERPNext's Customer quick entry asks for the contact's mobile and e-mail under these names.
const QUICK_ENTRY_ALIASES = { mobile_no: "mobile_number", email_id: "email_address" };

if (frappe.ui.form.ContactAddressQuickEntryForm) {
	// The quick entry asks for exactly what the matrix requires of the chosen customer type, so that saving it
	// does not fail on a field the dialog never showed.
	frappe.ui.form.CustomerQuickEntryForm = class CustomerQuickEntryForm extends (
		frappe.ui.form.ContactAddressQuickEntryForm
	) {
		render_dialog() {
			this.added_fields = this.matrix_fields_to_add();
			const at = this.mandatory.findIndex((df) => df.fieldname === "customer_type") + 1;
			this.mandatory = [...this.mandatory.slice(0, at), ...this.added_fields, ...this.mandatory.slice(at)];
			super.render_dialog();
			this.dialog.fields_dict.customer_type.$input.on("change", () => this.ask_what_the_type_requires());
			this.dialog.fields_dict.customer_name.$input.on("change", () => this.warn_about_duplicates());
			this.ask_what_the_type_requires();
		}

		matrix_fields_to_add() {
			const matrix = customer_onboarding.matrix_fields();
			const shown = new Set(this.mandatory.map((df) => df.fieldname));
			return this.meta.fields
				.filter((df) => matrix.includes(df.fieldname) && !QUICK_ENTRY_ALIASES[df.fieldname] && !shown.has(df.fieldname))
				.filter((df) => !frappe.model.table_fields.includes(df.fieldtype))
				.map((df) => ({ ...df, read_only: 0 }));
		}

		// Required fields of the chosen type are shown and marked; the fields only other types need are hidden.
		ask_what_the_type_requires() {
			const customer_type = this.dialog.get_value("customer_type");
			const added = new Set(this.added_fields.map((df) => df.fieldname));
			for (const fieldname of customer_onboarding.matrix_fields()) {
				const name = QUICK_ENTRY_ALIASES[fieldname] || fieldname;
				if (!this.dialog.fields_dict[name]) continue;
				const required = customer_onboarding.is_required(customer_type, fieldname);
				this.dialog.set_df_property(name, "reqd", required ? 1 : 0);
				if (added.has(name)) this.dialog.set_df_property(name, "hidden", required ? 0 : 1);
			}
		}

		warn_about_duplicates() {
			const values = this.dialog.get_values(true);
			customer_onboarding.warn_about_duplicates({ ...values, mobile_no: values.mobile_number, email_id: values.email_address });
		}

		get_variant_fields() {
			// The contact section opens by itself: the matrix may require its mobile number.
			return super.get_variant_fields().map((df) =>
				df.fieldtype === "Section Break" && df.label === __("Primary Contact Details") ? { ...df, collapsible: 0 } : df
			);
		}
	};
}
})();
