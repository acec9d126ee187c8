"""Swedish texts of the meeting's remaining pieces (issue 17): when an åtgärd's status changed,
each indicator's movement since the previous period, and the åtgärder the presentation follows
up."""

MEASURE_CHANGED = "sedan {date} ({by})"
INDICATOR_MOVEMENT_COLUMN = "Sedan förra perioden"
INDICATOR_NO_MOVEMENT = "Ingen avvikelse då eller nu"
