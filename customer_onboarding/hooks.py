app_name = "customer_onboarding"
app_title = "Customer Onboarding"
app_publisher = "customer_onboarding developers"
app_description = (
	"Customer master lifecycle for ERPNext: coding rules, checked data, approval, import and review"
)
app_email = "dev@customer-onboarding.invalid"
app_license = "mit"
required_apps = ["frappe/erpnext"]

after_install = "customer_onboarding.install.after_install"
after_migrate = "customer_onboarding.install.after_migrate"
before_uninstall = "customer_onboarding.install.before_uninstall"

doctype_js = {"Customer": "public/js/customer.js"}

doc_events = {
	"Customer": {
		"before_insert": "customer_onboarding.overrides.customer.before_insert",
		"autoname": "customer_onboarding.overrides.customer.autoname",
		"before_validate": "customer_onboarding.overrides.customer.before_validate",
		"validate": "customer_onboarding.overrides.customer.validate",
		"before_rename": "customer_onboarding.overrides.customer.before_rename",
		"after_rename": "customer_onboarding.overrides.customer.after_rename",
	},
	"Contact": {
		"before_validate": "customer_onboarding.overrides.contact.before_validate",
	},
	"Territory": {
		"validate": "customer_onboarding.overrides.segment_codes.validate_territory_code",
	},
	"Customer Group": {
		"validate": "customer_onboarding.overrides.segment_codes.validate_group_code",
	},
}

before_tests = "customer_onboarding.tests.setup.before_tests"
