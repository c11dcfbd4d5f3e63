"""Rendering threat assessments: one module per output format (Markdown, HTML, PDF), each
declaring FORMAT, MEDIA_TYPE, EXTENSION and `render(edition, images) -> bytes`.

Every format prints the same `document.Edition`, built only from an assessment's snapshot and
narrative, so figures and tables agree across formats and across renderings. Charts and the
map are drawn offline (`charts`); nothing here touches the network or the database.
"""
