"""bench --site SITE import-customers FILE.xlsx [--mapping NAME] [--dry-run] [--submit-for-review]
[--update-existing] [--keep-legacy-codes]"""

import os

import click
from frappe.commands import get_site, pass_context


@click.command("import-customers")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
	"--mapping", help="The Customer Import Mapping of a file in another layout (a Kingdee or U8 export)"
)
@click.option("--dry-run", is_flag=True, help="Check every row and change nothing")
@click.option("--submit-for-review", is_flag=True, help="Submit new customers for review")
@click.option(
	"--update-existing", is_flag=True, help="Write the file's values to customers that already exist"
)
@click.option(
	"--keep-legacy-codes",
	is_flag=True,
	help="A free Legacy Code becomes the customer code instead of a new one",
)
@pass_context
def import_customers(context, path, dry_run=False, mapping=None, **options):
	"""Import customers with their contacts and bank accounts from the app's Excel template, or from a file in
	another layout through a saved column mapping."""
	import frappe

	from customer_onboarding.importing.cli import run_from_command_line

	frappe.init(site=get_site(context))
	frappe.connect()
	try:
		code = run_from_command_line(os.path.abspath(path), dry_run, options, mapping)
	finally:
		frappe.destroy()
	raise SystemExit(code)


commands = [import_customers]
