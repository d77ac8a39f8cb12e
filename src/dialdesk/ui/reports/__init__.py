"""The Reports tab: tables and charts for marketers, supervisors and admins."""
