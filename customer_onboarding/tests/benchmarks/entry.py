"""What every benchmark's entry point needs."""

import functools
import traceback


def traceback_printed(main):
	"""`bench execute` hides the traceback of a failing method, so print it before re-raising."""

	@functools.wraps(main)
	def run(*args, **kwargs):
		try:
			return main(*args, **kwargs)
		except Exception:
			traceback.print_exc()
			raise

	return run
