"""`bench` processes started by tests and benchmarks on the site they run on: a web server, workers."""

import os
import signal
import subprocess
import sys

import frappe


def frappe_process(*args: str, own_group: bool = False) -> subprocess.Popen:
	"""`bench --site <this site> <args>`; with `own_group` in a process group of its own, to kill with its
	children (a `bench worker` forks a child for every job)."""
	command = [
		sys.executable,
		"-m",
		"frappe.utils.bench_helper",
		"frappe",
		"--site",
		frappe.local.site,
		*args,
	]
	return subprocess.Popen(
		command,
		cwd=os.path.abspath(frappe.local.sites_path),
		stdout=subprocess.DEVNULL,
		stderr=subprocess.DEVNULL,
		start_new_session=own_group,
	)


def kill_group(process: subprocess.Popen) -> None:
	if process.poll() is None:
		os.killpg(process.pid, signal.SIGKILL)
		process.wait(timeout=30)
