"""Settings from environment variables, with defaults that work on a fresh machine."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "sqlite:///kontrollrummet.db"


@dataclass(frozen=True)
class Settings:
    """Everything the app factory needs; documented in the README's "Inställningar"."""

    database_url: str = DEFAULT_DATABASE_URL
    host: str = "127.0.0.1"
    port: int = 8050
    debug: bool = False
    assets_dir: Path = PROJECT_DIR / "assets"
    contact_email: str = "kontrollrummet@example.se"  # where users report accessibility problems
    workers: int = 1  # more than one: gunicorn worker processes (docs/deployment.md)
    worker_timeout: int = 300  # seconds a request may take before gunicorn restarts its worker

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        """Read KONTROLLRUMMET_* variables; anything unset keeps its default."""
        defaults = cls()
        return cls(
            database_url=env.get("KONTROLLRUMMET_DATABASE_URL", defaults.database_url),
            host=env.get("KONTROLLRUMMET_HOST", defaults.host),
            port=int(env.get("KONTROLLRUMMET_PORT", defaults.port)),
            debug=env.get("KONTROLLRUMMET_DEBUG", "0").lower() in ("1", "true", "yes"),
            assets_dir=Path(env.get("KONTROLLRUMMET_ASSETS_DIR", defaults.assets_dir)),
            contact_email=env.get("KONTROLLRUMMET_CONTACT_EMAIL", defaults.contact_email),
            workers=int(env.get("KONTROLLRUMMET_WORKERS", defaults.workers)),
            worker_timeout=int(env.get("KONTROLLRUMMET_WORKER_TIMEOUT", defaults.worker_timeout)),
        )

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with the given fields replaced; None means "keep"."""
        return replace(self, **{key: value for key, value in changes.items() if value is not None})
