"""Offers by e-mail: the campaign's offer, the letter it makes, the mail server, letters from
the card, mass mailings and the do-not-mail list."""
