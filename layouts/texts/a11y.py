"""Texts of navigation for keyboards, screen readers and small screens (issue 20)."""

MENU_BUTTON = "Meny"
JUMPS_LABEL = "På sidan"  # the in-page jumps after a page's heading
JUMP_GOALS = "Målen"
JUMP_WHY = "Varför"
JUMP_BY_ORG = "Per organisation"
JUMP_INDICATORS = "Indikatorer"
TITLE_SEPARATOR = " – "  # between the parts of the browser's title: page – organisation – period
