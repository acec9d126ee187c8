"""Each page's data assembly, one module per page, named as its layouts/ and callbacks/ modules.

A module here reads the store and the follow-up logic and returns plain data for the page's
layout; it never imports Dash, so it tests without a browser or an app.
"""
