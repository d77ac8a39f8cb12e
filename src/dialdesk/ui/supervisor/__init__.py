"""The supervisor's rooms: the floor monitor, moving callbacks and claims, plans."""
