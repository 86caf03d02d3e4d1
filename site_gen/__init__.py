"""site-gen: a static archive website generator for news."""

__version__ = "0.1.0"
