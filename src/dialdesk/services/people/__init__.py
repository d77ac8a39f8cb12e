"""People: accounts and roles, logging in, passwords, the audit log."""
