"""Backups of the base and their restore: one file holding a ``pg_dump`` of the database and a
manifest (what it holds, who works in it), checked after writing and before restoring."""
