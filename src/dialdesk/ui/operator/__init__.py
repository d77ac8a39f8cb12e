"""The operator's workstation: queue, call card, outcome bar, callbacks."""
