"""Offers by e-mail on screen: the letter from the card, the campaign's offer, a mailing to a
segment, and the mail server's settings."""
