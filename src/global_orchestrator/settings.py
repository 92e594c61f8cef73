"""Settings read from the environment (prefix `ORCHESTRATOR_`) or passed explicitly."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

RenderMode = Literal["auto", "always", "never"]
"""How `browser.fetch` reads HTML: in headless Chromium (`always`), as static HTML
(`never`), or in Chromium when one can be started, else static (`auto`)."""


class Settings(BaseSettings):
    """Process-wide defaults; every public function also takes these as arguments."""

    model_config = SettingsConfigDict(env_prefix="ORCHESTRATOR_", extra="ignore")

    brands_dir: Path | None = Field(default=None)
    """Folder of brand profiles (`<brandId>.yaml` or `.json`). `ORCHESTRATOR_BRANDS_DIR`."""
    templates_dir: Path | None = Field(default=None)
    """Extra mission templates to register (a file or folder). `ORCHESTRATOR_TEMPLATES_DIR`."""
    prices: str | None = Field(default=None)
    """Model token prices per million as JSON, `{"<model>": {"input": x, "output": y}}`,
    added to the built-in table (spend counts against a mission's budget).
    `ORCHESTRATOR_PRICES`."""
    mcp_servers: str | None = Field(default=None)
    """MCP servers whose tools agent families may call: a JSON list of server specs, or the
    path of a JSON/YAML file holding one (see `McpServerSpec`). `ORCHESTRATOR_MCP_SERVERS`."""
    tokens: str | None = Field(default=None)
    """Bearer tokens / API keys of the HTTP surfaces: inline JSON or a JSON/YAML file's path
    (see `identity.load_tokens`). `ORCHESTRATOR_TOKENS`."""
    browser: RenderMode = "auto"
    """Render fetched HTML pages in headless Chromium (scripts run) before reading them:
    `auto` when the `browser` extra and a Chromium are there (else static HTML, logged
    once), `always` (an error without them), `never`. `ORCHESTRATOR_BROWSER`."""
    chromium: Path | None = Field(default=None)
    """The Chromium (or Chrome) executable that renders pages; default: `chromium`,
    `chromium-browser` or `google-chrome` on PATH, else Playwright's own download.
    `ORCHESTRATOR_CHROMIUM`."""


def get_settings() -> Settings:
    """Settings from the current environment (parsed again only when it changed)."""
    return _settings(tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith("ORCHESTRATOR_"))))


@lru_cache(maxsize=8)
def _settings(_environment: tuple[tuple[str, str], ...]) -> Settings:
    # pydantic-settings reads the whole environment on every construction (~2 ms)
    return Settings()
