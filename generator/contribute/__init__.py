"""What organizations and maintainers run around the data: new files and their scaffolds
(newfile, scaffold, yamledit), issue forms and their answers (issueform, answers, confirmation),
confirm requests (confirm), what a pull request changes (diff), stale listings (stale), previews
and history (preview, history), stand-in values (placeholders) and the field reference
(fieldref).

Imports the core, the exports and the site.
"""
