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

// A click on a problem in an error message takes the visitor to its field.
$(document).on("click", "[data-customer-field]", function () {
	const field = frappe.web_form.fields_dict[$(this).attr("data-customer-field")];
	if (!field || !field.$input) return;
	$(".modal.show").modal("hide");
	field.$input.focus();
});
