"""Prospect Desk core: cards, circles, history and rules, with no Qt."""

__version__ = "0.1.0"
APP_NAME = "ProspectDesk"
"""The name of the app's folders for data and cache."""
