"""Changes under control: sensitive fields of an enabled customer change only through an approved request."""
