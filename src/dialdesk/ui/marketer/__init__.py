"""The marketer's rooms: lists brought in, segments, and the reports and charts (which
the supervisor and admin read too)."""
