"""Prospect Desk core: cards, circles, history and rules, with no Qt."""

__version__ = "0.1.0"
