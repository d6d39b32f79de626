frappe.query_reports["Customer Data Check"] = {
	filters: [
		{
			fieldname: "problem",
			label: __("Problem"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "invalid_tax_id", label: __("Invalid tax ID") },
				{ value: "bad_phone", label: __("Unusable phone number") },
				{ value: "bad_email", label: __("Invalid e-mail") },
				{ value: "missing_field", label: __("Missing required field") },
				{ value: "shared_key", label: __("Shared with another customer") },
			],
		},
		{
			fieldname: "customer_type",
			label: __("Customer Type"),
			fieldtype: "Select",
			options: ["", "Company", "Individual", "Partnership"],
		},
	],
};
