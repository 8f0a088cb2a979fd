"""The core: the data model and its vocabularies, loading and validating the YAML files (with
the privacy guard, the text and lookalike checks), the validated directory, and what is derived
from it for every output (freshness and status, facets, places, the decision facts, the general
admission rules, the at-a-glance facts, page addresses).

Imports nothing from the other subpackages, and never MkDocs: the core outlives the theme.
"""
