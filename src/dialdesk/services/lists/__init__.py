"""Lists brought in: imports, their templates and undo, the do-not-call list."""
