"""The site: the listing, organization, browse and home pages through the Jinja templates
(render), the finder's words and search index (finder_words, search_index), writing pages and
exports in parallel (generate, forked), and the build's orchestration with its atomic swap of
site/ (build).

Imports the core and the exports; never MkDocs (the plugin in adapters passes pages in).
"""
