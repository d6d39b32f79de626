"""customer-onboarding-import: import customers into a remote ERPNext site through its REST API only.

    customer-onboarding-import --url https://erp.example.com --api-key KEY --api-secret SECRET FILE.xlsx
        [--dry-run] [--submit-for-review] [--update-existing] [--keep-legacy-codes] [--timeout SECONDS]

Every request is retried on connection errors and 5xx answers; a retried upload or start does no harm because
the import is created under a client token and starting a queued or finished import changes nothing.
"""

import argparse
import sys
import time
import uuid
from pathlib import Path

import requests

FINAL = ("Completed", "Partially Completed", "Failed")
RETRIES = 4


class ClientError(Exception):
	"""A problem worth one line to the user."""


class Site:
	def __init__(self, url: str, key: str, secret: str, timeout: float = 60):
		self.url = url.rstrip("/")
		self.session = requests.Session()
		self.session.headers["Authorization"] = f"token {key}:{secret}"
		self.session.headers["Accept"] = "application/json"
		self.timeout = timeout

	def request(self, method: str, path: str, **kwargs) -> requests.Response:
		for attempt in range(RETRIES):
			try:
				response = self.session.request(method, self.url + path, timeout=self.timeout, **kwargs)
			except requests.ConnectionError:
				if attempt == RETRIES - 1:
					raise ClientError(f"cannot reach {self.url}") from None
			except requests.Timeout:
				if attempt == RETRIES - 1:
					raise ClientError(f"{self.url} did not answer in {self.timeout:.0f} s") from None
			else:
				if response.status_code < 500 or attempt == RETRIES - 1:
					return checked(response)
			time.sleep(2**attempt)
		raise ClientError("unreachable")

	def call(self, method: str, **data) -> object:
		return self.request("POST", f"/api/method/{method}", data=data).json().get("message")

	def get_doc(self, doctype: str, name: str) -> dict:
		return self.request("GET", f"/api/resource/{doctype}/{name}").json()["data"]


def checked(response: requests.Response) -> requests.Response:
	if response.status_code in (401, 403):
		raise ClientError("the API key and secret were refused, or the user may not import customers")
	if response.status_code >= 400:
		raise ClientError(f"the server answered {response.status_code}: {server_message(response)}")
	return response


def server_message(response: requests.Response) -> str:
	try:
		body = response.json()
	except ValueError:
		return response.text[:200]
	return str(body.get("exception") or body.get("_server_messages") or body.get("message") or body)[:300]


def upload(site: Site, path: Path) -> str:
	with path.open("rb") as f:
		files = {"file": (path.name, f.read())}
	reply = site.request("POST", "/api/method/upload_file", files=files, data={"is_private": 1})
	return reply.json()["message"]["file_url"]


def create_import(site: Site, file_url: str, token: str, options: dict) -> str:
	existing = site.request(
		"GET", "/api/resource/Customer Import", params={"filters": f'[["client_token","=","{token}"]]'}
	).json()["data"]
	if existing:
		return existing[0]["name"]
	doc = {"import_file": file_url, "client_token": token, **options}
	return site.request("POST", "/api/resource/Customer Import", json=doc).json()["data"]["name"]


def follow(site: Site, name: str, timeout: float, warn_after: float, poll: float = 1.0) -> dict:
	"""Print the status and the rows done as they change, until the import ends or `timeout` runs out."""
	started = time.monotonic()
	last, warned = None, False
	while True:
		progress = site.call("customer_onboarding.api.customer_import_progress", name=name)
		if progress["status"] in FINAL:
			return site.get_doc("Customer Import", name)
		waited = time.monotonic() - started
		if progress["status"] == "Queued" and waited >= warn_after and not warned:
			print(no_worker_warning(name, waited), file=sys.stderr, flush=True)
			warned = True
		if waited >= timeout:
			raise ClientError(f"gave up after {timeout:.0f} s: import {name} is still {progress['status']}")
		line = progress_line(name, progress)
		if line != last:
			print(line, flush=True)
			last = line
		time.sleep(poll)


def progress_line(name: str, progress: dict) -> str:
	if progress["status"] != "Running" or not progress["total_rows"]:
		return f"{name}: {progress['status']}"
	percent = progress["done"] * 100 // progress["total_rows"]
	return f"{name}: Running, {progress['done']}/{progress['total_rows']} rows ({percent}%)"


def no_worker_warning(name: str, waited: float) -> str:
	return (
		f"{name}: still Queued after {waited:.0f} s: no background worker has started the import. "
		"Check that the site's workers are running (bench doctor); waiting goes on up to --timeout."
	)


def download(site: Site, file_url: str, target: Path) -> Path:
	target.write_bytes(site.request("GET", file_url).content)
	return target


def run(args: argparse.Namespace) -> int:
	site = Site(args.url, args.api_key, args.api_secret)
	path = Path(args.file)
	if not path.is_file():
		raise ClientError(f"{path} is not a file")
	options = {
		"submit_for_review": int(args.submit_for_review),
		"update_existing": int(args.update_existing),
		"keep_legacy_codes": int(args.keep_legacy_codes),
	}
	if args.mapping:
		options["mapping"] = args.mapping
	name = create_import(site, upload(site, path), str(uuid.uuid4()), options)
	summary = site.call("customer_onboarding.api.validate_customer_import", name=name)
	for problem in summary["problems"][:50]:
		print(problem["message"], file=sys.stderr)
	if summary.get("refused"):
		print(f"{name}: the file was refused; nothing was imported", file=sys.stderr)
		return 1
	if args.dry_run:
		print(f"{name}: {summary['customers']} customers checked, {len(summary['problems'])} problems")
		return 1 if summary["problems"] else 0
	site.call("customer_onboarding.api.start_customer_import", name=name)
	doc = follow(site, name, args.timeout, args.warn_after)
	print(
		f"{name}: {doc['total_rows']} rows: {doc['created']} created, {doc['updated']} updated, "
		f"{doc.get('change_requested') or 0} change requested, {doc['skipped']} skipped as duplicate, "
		f"{doc['failed']} failed"
	)
	if doc.get("error_report"):
		report = download(site, doc["error_report"], path.with_name(f"{name}-errors.xlsx"))
		print(f"Error report: {report}")
	return 0 if doc["status"] == "Completed" else 1


def parser() -> argparse.ArgumentParser:
	p = argparse.ArgumentParser(prog="customer-onboarding-import", description=__doc__.splitlines()[0])
	p.add_argument("--url", required=True)
	p.add_argument("--api-key", required=True)
	p.add_argument("--api-secret", required=True)
	p.add_argument(
		"--mapping", help="the Customer Import Mapping of a file in another layout (a Kingdee or U8 export)"
	)
	p.add_argument("--dry-run", action="store_true", help="check every row and import nothing")
	p.add_argument("--submit-for-review", action="store_true", help="new customers go to Pending Review")
	p.add_argument("--update-existing", action="store_true", help="write rows to the customers they match")
	p.add_argument(
		"--keep-legacy-codes", action="store_true", help="a free legacy code becomes the customer code"
	)
	p.add_argument(
		"--timeout", type=float, default=4 * 3600, help="seconds to wait for the import (default 4 hours)"
	)
	p.add_argument(
		"--warn-after",
		type=float,
		default=60,
		help="seconds in Queued before warning that no worker has started the import (default 60)",
	)
	p.add_argument("file")
	return p


def main(argv: list[str] | None = None) -> int:
	try:
		return run(parser().parse_args(argv))
	except ClientError as error:
		print(f"customer-onboarding-import: {error}", file=sys.stderr)
		return 2


if __name__ == "__main__":
	sys.exit(main())
