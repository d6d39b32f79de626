Object.assign(frappe._messages, {{ upload_messages | json }});

// The business licence goes to the server inside the form, as "filename,data:...": a Guest may not upload
// files through Frappe, and the server checks the file's size and type again before keeping it.
frappe.ready(() => {
	const field = frappe.web_form.fields_dict.licence_upload;
	Object.assign(field.df.options, {
		as_dataurl: true,
		allow_web_link: false,
		allow_take_photo: false,
		allow_google_drive: false,
		restrictions: {
			max_file_size: {{ licence_max_bytes }},
			allowed_file_types: {{ licence_file_types | json }},
		},
		on_success: (file) => field.set_value(`${file.name},${file.dataurl}`),
	});
});

// The fields the required-field matrix asks of some customer types only are marked required while one of those
// types is chosen. Not through mandatory_depends_on: Frappe then redraws such a field from the stored form after
// every change in the form, and again 100 ms later, which erases what the visitor has typed into it but not yet
// left (a fast typist who tabs from the code into the address loses the address's first characters).
const TYPES_REQUIRING = {{ types_requiring | json }};

frappe.ready(() => {
	const web_form = frappe.web_form;
	const mark_required = () => {
		const customer_type = web_form.get_value("customer_type");
		for (const [fieldname, types] of Object.entries(TYPES_REQUIRING)) {
			const required = types.includes(customer_type);
			if (Boolean(web_form.fields_dict[fieldname].df.reqd) !== required) {
				web_form.set_df_property(fieldname, "reqd", required ? 1 : 0);
			}
		}
	};
	web_form.on("customer_type", mark_required);
	mark_required();
});

// A click on a problem in an error message takes the visitor to its field.
$(document).on("click", "[data-customer-field]", function () {
	const field = frappe.web_form.fields_dict[$(this).attr("data-customer-field")];
	if (!field || !field.$input) return;
	$(".modal.show").modal("hide");
	field.$input.focus();
});
