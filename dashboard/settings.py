"""Settings from environment variables, with defaults that work on a fresh machine."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

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
    secret_key: str = field(
        default="", repr=False
    )  # signs sessions; empty: made once, kept in the database
    secure_cookies: bool = False  # set behind HTTPS so the session cookie never travels in clear
    trusted_user_header: str = ""  # e.g. X-Remote-User from a signing-in reverse proxy; empty: off
    anonymous_read: bool = False  # let people read without signing in (an open-data deployment)
    proxy_count: int = 0  # reverse proxies in front: trust that many X-Forwarded-* hops
    max_upload_mb: int = 100  # the most file data one upload request may carry
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
            debug=_flag(env, "KONTROLLRUMMET_DEBUG"),
            assets_dir=Path(env.get("KONTROLLRUMMET_ASSETS_DIR", defaults.assets_dir)),
            contact_email=env.get("KONTROLLRUMMET_CONTACT_EMAIL", defaults.contact_email),
            secret_key=env.get("KONTROLLRUMMET_SECRET_KEY", defaults.secret_key),
            secure_cookies=_flag(env, "KONTROLLRUMMET_SECURE_COOKIES"),
            trusted_user_header=env.get(
                "KONTROLLRUMMET_TRUSTED_USER_HEADER", defaults.trusted_user_header
            ),
            anonymous_read=_flag(env, "KONTROLLRUMMET_ANONYMOUS_READ"),
            proxy_count=int(env.get("KONTROLLRUMMET_PROXY_COUNT", defaults.proxy_count)),
            max_upload_mb=int(env.get("KONTROLLRUMMET_MAX_UPLOAD_MB", defaults.max_upload_mb)),
            workers=int(env.get("KONTROLLRUMMET_WORKERS", defaults.workers)),
            worker_timeout=int(env.get("KONTROLLRUMMET_WORKER_TIMEOUT", defaults.worker_timeout)),
        )

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given fields replaced; None means "keep"."""
        return replace(self, **{key: value for key, value in changes.items() if value is not None})


def _flag(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "0").lower() in ("1", "true", "yes")
