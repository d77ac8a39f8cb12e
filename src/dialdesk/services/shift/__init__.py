"""An operator's shift: claim, card, save, next; the journal; callbacks."""
