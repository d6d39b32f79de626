"""Importing in several processes: the first shard in this process, the others in forked children.

Each child opens its own database connection and commits its own batches, so every row stays whole and logged;
a child dies with this process (Linux), and a stopped child makes the import fail, to be resumed.
"""

import ctypes
import ctypes.util
import multiprocessing
import os
import signal

import frappe
from frappe import _
from frappe.model.document import Document

PR_SET_PDEATHSIG = 1
# A child keeps the connection it inherited here, so that garbage collection never closes the parent's socket.
_parent_connections = []


class ImportWorkerError(frappe.ValidationError):
	pass


def run_in_workers(doc: Document, shards: list[list], work, report) -> None:
	"""Call work(doc, shard) for every shard at once and wait for all of them; `report()` shows the progress."""
	if not shards:
		return
	frappe.db.commit()
	context = multiprocessing.get_context("fork")
	children = [
		context.Process(target=child_main, args=(doc.name, shard, work, os.getpid()), daemon=True)
		for shard in shards[1:]
	]
	for child in children:
		child.start()
	try:
		work(doc, shards[0], report)
		wait_for(children, report)
	except BaseException:
		stop(children)
		raise
	if any(child.exitcode for child in children):
		frappe.throw(
			_(
				"An import worker stopped before it finished. Start the import again to import the remaining rows."
			),
			ImportWorkerError,
		)


def wait_for(children: list, report) -> None:
	while any(child.is_alive() for child in children):
		for child in children:
			child.join(timeout=1)
		frappe.db.commit()
		report()


def stop(children: list) -> None:
	for child in children:
		if child.is_alive():
			child.kill()
		child.join()


def child_main(import_name: str, records: list, work, parent_pid: int) -> None:
	"""A forked worker: never touch the parent's connection, open its own, import its shard."""
	die_with_parent(parent_pid)
	_parent_connections.append(frappe.local.db)
	frappe.connect(set_admin_as_user=False)
	doc = frappe.get_doc("Customer Import", import_name)
	work(doc, records)
	frappe.db.commit()
	frappe.db.close()


def die_with_parent(parent_pid: int) -> None:
	"""Ask Linux to kill this process when its parent dies, so a killed import leaves no writer behind."""
	prctl = getattr(ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True), "prctl", None)
	if prctl:
		prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
	if os.getppid() != parent_pid:
		os._exit(1)
