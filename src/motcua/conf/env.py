"""Reading settings from the environment, with every variable documented where it is read.

Each call to `config()` records the variable, its default and its help text, so that
`motcua config_docs` writes docs/configuration.md from the code and the docs cannot drift.
"""

from collections.abc import Callable
from dataclasses import dataclass
import os
from typing import Any


@dataclass(frozen=True)
class Variable:
    name: str
    default: Any
    help_text: str
    group: str
    shown_default: str | None = None  # for the docs, where the default depends on the machine


REGISTRY: dict[str, Variable] = {}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def as_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"not a boolean: {raw!r}")


def as_list(raw: str) -> list[str]:
    return [item.strip() for item in raw.split(",") if item.strip()]


def config(
    name: str,
    default: Any = None,
    *,
    help_text: str,
    group: str = "General",
    cast: Callable[[str], Any] | None = None,
    shown_default: str | None = None,
) -> Any:
    """Return the environment variable `name`, cast like its default, or the default."""
    REGISTRY[name] = Variable(name, default, help_text, group, shown_default)
    raw = os.environ.get(name)
    if raw is None:
        return default
    if cast is None:
        if isinstance(default, bool):
            cast = as_bool
        elif isinstance(default, int):
            cast = int
        elif isinstance(default, list):
            cast = as_list
        else:
            cast = str
    try:
        return cast(raw)
    except ValueError as exc:
        raise ValueError(f"Environment variable {name}: {exc}") from exc
