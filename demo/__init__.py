"""Bundled synthetic demo sources: feeds, web pages and a bureau inbox (see README.md)."""
