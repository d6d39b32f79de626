"""The HTTP call to a provider, made on the server only: timeouts, retries with backoff, and a clear message for
each way it can fail. The key is read from the provider's Password field here and goes nowhere else."""

import time

import frappe
import requests
from frappe import _
from frappe.model.document import Document

from customer_onboarding.core.registry import request_path, retry_delays
from customer_onboarding.exceptions import RegistryKeyRefusedError, RegistryUnavailableError

NO_SUCH_COMPANY = None  # a 404 answer


def fetch_answer(provider: Document, uscc: str):
	"""The provider's JSON answer for one code, or NO_SUCH_COMPANY when it answers 404."""
	url = provider.base_url + request_path(provider.request_template, uscc)
	delays = retry_delays(provider.retries or 0)
	for attempt in range(len(delays) + 1):
		try:
			response = requests.get(
				url, headers=auth_headers(provider), timeout=provider.timeout_seconds or 5
			)
		except (requests.Timeout, requests.ConnectionError) as error:
			reason = (
				_("no answer within {0} seconds").format(provider.timeout_seconds or 5)
				if isinstance(error, requests.Timeout)
				else _("the connection failed")
			)
		else:
			if response.status_code < 500:
				return read_response(provider, response)
			reason = _("server error {0}").format(response.status_code)
		if attempt < len(delays):
			time.sleep(delays[attempt])
	unavailable(provider, reason)


def read_response(provider: Document, response: requests.Response):
	if response.status_code in (401, 403):
		frappe.throw(
			_(
				"The business registry {0} refused the authentication key. A System Manager can check it in {1}."
			).format(frappe.bold(provider.name), _(provider.doctype)),
			RegistryKeyRefusedError,
		)
	if response.status_code == 404:
		return NO_SUCH_COMPANY
	if not response.ok:
		unavailable(provider, _("error {0}").format(response.status_code))
	try:
		return response.json()
	except ValueError:
		unavailable(provider, _("the answer is not JSON"))


def unavailable(provider: Document, reason: str) -> None:
	frappe.throw(
		_("The business registry {0} cannot be reached ({1}). Try again later.").format(
			frappe.bold(provider.name), reason
		),
		RegistryUnavailableError,
	)


def auth_headers(provider: Document) -> dict[str, str]:
	key = provider.get_password("auth_header_value", raise_exception=False)
	return {provider.auth_header_name or "Authorization": key} if key else {}
