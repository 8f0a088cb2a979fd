"""The edges: the command line (`python -m generator ...`, cli) and the MkDocs plugin
(mkdocs_plugin). Thin: they parse arguments or MkDocs events and call the other subpackages.
"""
