"""Administration windows: people and their logins."""
