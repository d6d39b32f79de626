"""Rules of the customer master that need no database. Nothing here imports frappe."""
