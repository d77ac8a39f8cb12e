"""The floor as a supervisor sees it: monitor, queue status, moves."""
