"""Watchlist alert matching, pure (no storage): is this document about that stolen source or
that person, and why?

- `facts.AlertFacts`: an alert's fields; the document side is nlp.linking's DocumentEvidence
  (canonical nuclides, activities in Bq, serials, devices, countries, places, dates, people,
  text).
- `keys`: the index keys that find candidate alerts for a document (serial, nuclide and
  country, name skeleton, decay index of an activity).
- `scoring.score_alert(alert, evidence) -> AlertScore`: score, evidence side by side (alert
  field | document mention), the decay check, whether the document reports a recovery.
- `activity`: decay compatibility; `names`: name keys across scripts; `recovery`: "found"
  cues with negation.
"""

from nlp.alert_matching.facts import AlertFacts
from nlp.alert_matching.scoring import MATCH_THRESHOLD, AlertScore, score_alert

__all__ = ["MATCH_THRESHOLD", "AlertFacts", "AlertScore", "score_alert"]
