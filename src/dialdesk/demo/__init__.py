"""Demo data: a believable base to try DialDesk on."""
