"""WSGI entry point for other servers, e.g. `gunicorn dashboard.web.wsgi:server`.

Import it in each worker after the fork (gunicorn's default; not `--preload`), so every
worker has its own engine and pool. `kontrollrummet serve --workers N` does this itself.
"""

from dashboard.app import create_app
from dashboard.settings import Settings

app = create_app(Settings.from_env())
server = app.server
