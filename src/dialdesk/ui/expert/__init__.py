"""The expert's desk: hand-offs, the day's plan, own clients and what happened on them."""
