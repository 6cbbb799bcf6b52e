"""trialblog's templates behind any theme: a site on another theme still gets trial pages."""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader

from .. import theme_path


def with_trialblog_templates(env: Environment) -> None:
    """Look up a template the site's theme does not have in trialblog's theme (its ``trial``,
    ``recruiting``… pages then extend the site theme's ``base.html``)."""
    folder = str(Path(theme_path()) / "templates")
    loader = env.loader
    if isinstance(loader, ChoiceLoader) and any(
        isinstance(l, FileSystemLoader) and folder in l.searchpath for l in loader.loaders  # noqa: E741
    ):
        return
    env.loader = ChoiceLoader([loader, FileSystemLoader(folder)] if loader else [FileSystemLoader(folder)])
