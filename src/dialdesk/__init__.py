"""DialDesk: a call-centre workstation for B2B outbound sales."""

__version__ = "0.1.0"
