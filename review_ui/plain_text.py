"""Untrusted text shown as plain text, and tables safe to open in a spreadsheet.

Streamlit reads Markdown in `st.markdown`, `st.caption`, alerts (`st.info`...), `st.write`
of strings and every widget label (buttons, expanders, tabs, metrics, links): a document
title `![](http://host/p.gif)` there makes the analyst's browser call that host. Text that
came from a document, a source, a file or a user is shown with `st.text` (no Markdown at
all), inside the HTML blocks of `safe_html`, or, where Streamlit insists on Markdown (a
label, an alert), through `plain`; selectbox options and dataframe cells are plain already.

`st.dataframe` offers its rows as a CSV download (in the browser, without neutralising
formulas): every frame goes through `spreadsheet_safe` first, so that a cell `=HYPERLINK(...)`
is text, not a formula, in the analyst's spreadsheet.
"""

from __future__ import annotations

import re

import pandas as pd

from nlp.spreadsheet import spreadsheet_cell
from review_ui.safe_html import escape_text

# Streamlit turns bare URLs and e-mail addresses into links after decoding the character
# references, so a word joiner (invisible) goes where those autolinks start.
AUTOLINK_STARTS = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def plain(value: object) -> str:
    """The text on one line, every Markdown character a character reference and no bare
    URL: the Markdown parser sees no link, image, emphasis, HTML, directive or formula, and
    shows each character literally."""
    text = " ".join(("" if value is None else str(value)).split())
    return escape_text(AUTOLINK_STARTS.sub(WORD_JOINER, text))


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell through `spreadsheet_cell` (nlp.spreadsheet)."""
    return frame.map(spreadsheet_cell)
