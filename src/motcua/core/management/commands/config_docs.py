from pathlib import Path

from django.core.management.base import BaseCommand

from motcua.conf.env import REGISTRY

HEADER = """# Configuration

Motcua reads its settings from environment variables. Every variable has a safe default for the
embedded setup (`make demo`); production sets at least `SECRET_KEY`, `ALLOWED_HOSTS`,
`DATABASE_URL` and `REDIS_URL`, and runs with `DJANGO_SETTINGS_MODULE=motcua.conf.production`.

The settings modules: `motcua.conf.dev` (the embedded demo: DEBUG on), `motcua.conf.test` (the
test suite), `motcua.conf.production` (refuses to start with DEBUG on or a weak SECRET_KEY, and
turns on HTTPS-only cookies, HSTS and the proxy header).

This page is generated from the code by `motcua config_docs --write`; a test fails when it is
out of date.
"""


def render() -> str:
    lines = [HEADER]
    groups: dict[str, list] = {}
    for variable in REGISTRY.values():
        groups.setdefault(variable.group, []).append(variable)
    for group in sorted(groups, key=lambda g: (g != "General", g)):
        lines += [f"## {group}", "", "| variable | default | meaning |", "|---|---|---|"]
        for v in sorted(groups[group], key=lambda v: v.name):
            default = v.shown_default or v.default
            default = ", ".join(default) if isinstance(default, list) else default
            default = f"`{default}`" if default not in ("", None) else "(empty)"
            lines.append(f"| `{v.name}` | {default} | {v.help_text} |")
        lines.append("")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Print (or --write) docs/configuration.md from the variables the settings read."

    def add_arguments(self, parser):
        parser.add_argument("--write", metavar="PATH", nargs="?", const="docs/configuration.md")

    def handle(self, *args, write=None, **options):
        text = render()
        if write:
            Path(write).write_text(text, encoding="utf-8")
            self.stdout.write(f"wrote {write}")
        else:
            self.stdout.write(text, ending="")
