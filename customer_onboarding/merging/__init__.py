"""Merging duplicate customers into one: a group at a time (`merge`), or every group sharing a key (`bulk`)."""
