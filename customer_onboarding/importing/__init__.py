"""Bulk import of customers from Excel: dry run, background import, bench command and remote client."""
