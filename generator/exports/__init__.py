"""The open data the build writes beside the pages: JSON and CSV (export), HSDS (hsds),
schema.org JSON-LD (jsonld), Atom feeds (feeds) and iCalendar files (calendars).

Imports only the core.
"""
