"""WSGI entry point for production servers, e.g. `gunicorn dashboard.wsgi:server`."""

from dashboard.app import create_app
from dashboard.settings import Settings

app = create_app(Settings.from_env())
server = app.server
