from customer_onboarding import constants as _names

app_name = "customer_onboarding"
app_title = "Customer Onboarding"
app_publisher = "customer_onboarding developers"
app_description = (
	"Customer master lifecycle for ERPNext: coding rules, checked data, approval, import and review"
)
app_email = "dev@customer-onboarding.invalid"
app_license = "mit"
required_apps = ["frappe/erpnext"]
# Saving a doctype in developer mode rewrites the typed-fields block of its controller.
export_python_type_annotations = True

after_install = "customer_onboarding.install.after_install"
after_sync = "customer_onboarding.install.after_sync"
after_migrate = "customer_onboarding.install.after_migrate"
before_uninstall = "customer_onboarding.install.before_uninstall"

app_include_js = "/assets/customer_onboarding/js/customer_onboarding.js"
app_include_css = "/assets/customer_onboarding/css/customer_onboarding.css"
doctype_js = {"Customer": "public/js/customer.js"}
doctype_list_js = {"Customer": "public/js/customer_list.js"}
boot_session = "customer_onboarding.boot.boot_session"

scheduler_events = {
	"daily": [
		"customer_onboarding.follow_ups.create_due_follow_up_todos",
		"customer_onboarding.change_requests.requests.apply_due_change_requests",
	],
	"monthly": ["customer_onboarding.stocktake.run.run_monthly_stocktakes"],
}

before_request = ["customer_onboarding.registration.gate.use_visitor_address"]
default_log_clearing_doctypes = {"Customer Registration Refusal": 30}

permission_query_conditions = {"Workflow Action": "customer_onboarding.inbox.workflow_action_conditions"}

override_doctype_dashboards = {
	"Customer": "customer_onboarding.overrides.customer_dashboard.customer_dashboard"
}

doc_events = {
	"Customer": {
		"before_insert": "customer_onboarding.overrides.customer.before_insert",
		"autoname": "customer_onboarding.overrides.customer.autoname",
		"onload": "customer_onboarding.overrides.customer.onload",
		"before_validate": "customer_onboarding.overrides.customer.before_validate",
		"validate": "customer_onboarding.overrides.customer.validate",
		"on_update": "customer_onboarding.overrides.customer.on_update",
		"on_trash": "customer_onboarding.overrides.customer.on_trash",
		"before_rename": "customer_onboarding.overrides.customer.before_rename",
		"after_rename": "customer_onboarding.overrides.customer.after_rename",
	},
	"Contact": {
		"before_validate": "customer_onboarding.overrides.contact.before_validate",
		"on_update": "customer_onboarding.overrides.contact.on_update",
		"after_delete": "customer_onboarding.overrides.contact.after_delete",
	},
	"Bank Account": {
		"validate": "customer_onboarding.change_requests.guard.guard_bank_account",
		"on_trash": "customer_onboarding.change_requests.guard.guard_bank_account",
	},
	"Payment Entry": {"validate": "customer_onboarding.change_requests.guard.hold_outgoing_payment"},
	"Sales Order": {"before_submit": "customer_onboarding.credit.check_credit_days"},
	"Sales Invoice": {"before_submit": "customer_onboarding.credit.check_credit_days"},
	"Territory": {
		"validate": "customer_onboarding.overrides.segment_codes.validate_territory_code",
	},
	"Customer Group": {
		"validate": "customer_onboarding.overrides.segment_codes.validate_group_code",
	},
}

before_tests = "customer_onboarding.tests.setup.before_tests"

fixtures = [
	{"dt": "Role", "filters": [["name", "in", _names.OWN_ROLES]]},
	{"dt": "Workflow State", "filters": [["name", "in", _names.OWN_STATES]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", _names.OWN_ACTIONS]]},
	{"dt": "Workflow", "filters": [["name", "in", (_names.WORKFLOW, _names.CHANGE_REQUEST_WORKFLOW)]]},
]
