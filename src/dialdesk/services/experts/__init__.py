"""The expert's desk: hand-offs to take or give back, the day's planned contacts, the
expert's own clients and deals, and what the expert records on them."""
