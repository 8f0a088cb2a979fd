"""A static site generator for a directory of pro bono opportunities for attorneys.

The core stages are plain modules: load -> validate -> render -> export. The MkDocs plugin and
the command line are thin adapters over them.
"""
