"""A static site generator for a directory of pro bono opportunities for attorneys.

Four stages, one folder each, and the adapters that run them; imports run one way, from the
adapters down to the core (tests/test_imports.py reads them and fails on a back arrow):

    adapters/    the command line and the MkDocs plugin: thin, and the only MkDocs code
    contribute/  what organizations and maintainers run: new files, issue forms, confirm
                 requests, diffs, stale reports, previews
    site/        the pages, the finder's index and words, the build's orchestration
    exports/     the open data: JSON and CSV, HSDS, JSON-LD, feeds, calendars
    core/        the model and vocabularies, load and validate (with the privacy and text
                 checks), the validated directory and what is derived from it

adapters -> contribute -> site -> exports -> core.
"""
