"""A business registry on localhost for the tests: a real HTTP server that answers with recorded responses
(registry_responses.json) at /v1/companies/<uscc>, checks the key, and counts the calls per code."""

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RESPONSES = json.loads((Path(__file__).parent / "registry_responses.json").read_text(encoding="utf-8"))
KEY_HEADER = "X-Api-Key"
KEY = "recorded-registry-key-5d41"
TEMPLATE = "/v1/companies/{uscc}?source=test"
MAPPING = json.dumps(
	{
		"registered_name": "result.name",
		"status": "result.regStatus",
		"legal_representative": "result.legalPersonName",
		"registered_address": "result.regLocation",
		"registered_capital": "result.regCapital",
		"establishment_date": "result.estiblishTime",
	}
)


def code(label: str) -> str:
	return next(
		uscc
		for uscc, answer in RESPONSES.items()
		if isinstance(answer, dict) and answer.get("label") == label
	)


class RecordedRegistry:
	def __init__(self, extra_responses: dict | None = None):
		"""`extra_responses`: more recorded answers by code, such as a recorded answer under a fresh code."""
		self.responses = {**RESPONSES, **(extra_responses or {})}
		self.calls: Counter[str] = Counter()
		self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler())
		self.server.daemon_threads = True
		self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

	@property
	def url(self) -> str:
		return f"http://127.0.0.1:{self.server.server_address[1]}"

	def start(self) -> "RecordedRegistry":
		self.thread.start()
		return self

	def stop(self) -> None:
		self.server.shutdown()
		self.server.server_close()

	def handler(self):
		registry = self

		class Handler(BaseHTTPRequestHandler):
			def do_GET(self):
				uscc = self.path.split("?")[0].rsplit("/", 1)[-1]
				registry.calls[uscc] += 1
				if self.headers.get(KEY_HEADER) != KEY:
					return self.answer({"status": 401, "body": {"reason": "invalid key"}})
				recorded = registry.responses.get(uscc, {"status": 404, "body": {"reason": "no data"}})
				if "sequence" in recorded:
					turns = recorded["sequence"]
					recorded = turns[min(registry.calls[uscc], len(turns)) - 1]
				time.sleep(recorded.get("delay", 0))
				self.answer(recorded)

			def answer(self, recorded: dict) -> None:
				body = json.dumps(recorded["body"], ensure_ascii=False).encode()
				try:
					self.send_response(recorded["status"])
					self.send_header("Content-Type", "application/json; charset=utf-8")
					self.send_header("Content-Length", str(len(body)))
					self.end_headers()
					self.wfile.write(body)
				except (BrokenPipeError, ConnectionResetError):
					pass  # the client gave up waiting: a timeout test

			def log_message(self, *args):
				pass

		return Handler
