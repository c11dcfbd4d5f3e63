"""How much each kind of evidence counts. Shared evidence combines as a noisy-OR
(score = 1 - prod(1 - w)): independent clues add up without ever passing 1. Each conflict
then multiplies the score by (1 - c): one hard disagreement is enough to keep two reports
apart, which is what a confusable pair (two Cs-137 thefts in one country in one month)
needs. Figures were set on evaluation/links/gold.jsonl only, never on heldout.jsonl."""

from __future__ import annotations

from typing import Final

LINK_THRESHOLD: Final = 0.5  # a pair at or above this is proposed as one incident

# Shared evidence. A serial number identifies one source: decisive on its own.
SERIAL: Final = 1.0
# The nuclide narrows to a few incidents a month world-wide; with its activity (after
# decay) it usually identifies the source.
NUCLIDE: Final = 0.3
ACTIVITY: Final = 0.4
QUANTITY: Final = 0.3  # mass or enrichment of one material: less identifying than activity
DEVICE: Final = 0.15
# A named city or facility, a named person or company: specific, but names are shared by
# unrelated events more often than serials are.
PLACE: Final = 0.35
PERSON: Final = 0.3
ORGANISATION: Final = 0.2
# The country alone is weak: many incidents a year in the same country.
COUNTRY: Final = 0.1
SAME_DAY: Final = 0.3  # incident dates within DATE_WINDOW_DAYS
SHARED_DATE: Final = 0.2  # both texts name the same calendar day
TEXT_SIMILARITY: Final = 0.5  # at cosine 1.0; scaled linearly from TEXT_FLOOR
TEXT_FLOOR: Final = 0.75  # MiniLM puts any two RN news stories near 0.6: below is noise

# Conflicts.
OTHER_SERIAL: Final = 0.9
OTHER_NUCLIDE: Final = 0.8
OTHER_ACTIVITY: Final = 0.7
OTHER_QUANTITY: Final = 0.5  # seizures grow or shrink in the retelling less than that
OTHER_PLACE: Final = 0.5
OTHER_COUNTRY: Final = 0.6
DATES_APART: Final = 0.6  # beyond the window or the reporting lag, no follow-up
DATES_FAR_APART: Final = 0.85  # more than FOLLOW_UP_DAYS apart

# Windows and tolerances.
DATE_WINDOW_DAYS: Final = 3
# A publication date stands in for a missing incident date: up to this far from the other
# report's date it is still the same event (reporting lag).
REPORTING_LAG_DAYS: Final = 14
FOLLOW_UP_DAYS: Final = 180  # "the stolen source was found" months later
ACTIVITY_MATCH_RATIO: Final = 1.35  # reported activities are rounded; after decay
ACTIVITY_CONFLICT_RATIO: Final = 3.0  # also for masses and enrichments
QUANTITY_MATCH_RATIO: Final = 1.1  # masses are weighed, not decayed: "about 50 grams"
NEAR_DUPLICATE_JACCARD: Final = (
    0.5  # of word-pair shingles: syndicated copies 0.55-0.7, other stories < 0.2
)
