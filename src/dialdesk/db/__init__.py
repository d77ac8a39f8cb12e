"""Database access: engine, server selection, the embedded server, migrations."""
