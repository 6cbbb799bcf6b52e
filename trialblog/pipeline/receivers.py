"""The pipeline's signal receivers, each acting only for sites that list a trialblog plugin."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from pelican import signals

from ..replies import settings_specs
from . import enabled, gate, links, published, reader, replies, site
from . import writer as pages
from .settings import COMMON, check, check_output, site_paths
from .writer import TrialblogWriter, complete_feed


def for_sites_with(plugin: str | None, settings_of: Callable[[Any], dict[str, Any]] = lambda s: s.settings) -> Callable:
    """Make a receiver act only for sites that list ``plugin`` (any trialblog plugin, by default)."""

    def decorate(receiver: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(receiver)
        def act(sender: Any, **kwargs: Any) -> Any:
            return receiver(sender, **kwargs) if enabled(settings_of(sender), plugin) else None

        return act

    return decorate


@for_sites_with(None)
def check_settings(pelican: Any) -> None:
    """Refuse, before anything is read or written, settings trialblog cannot use."""
    check(pelican.settings, "trialblog", COMMON)
    check(pelican.settings, "replies", settings_specs())
    check_output(pelican.settings)
    site_paths(pelican.settings)


@for_sites_with(None)
def writer(_pelican: Any) -> type:
    return TrialblogWriter


RECEIVERS = (
    (signals.initialized, check_settings),
    (signals.readers_init, for_sites_with(None)(reader.use_reader)),
    (signals.article_generator_init, for_sites_with(None)(reader.prepare_articles)),
    (signals.page_generator_init, for_sites_with(None)(reader.prepare_pages)),
    (signals.article_generator_finalized, for_sites_with(None)(site.on_articles)),
    (signals.article_generator_finalized, for_sites_with(None)(replies.on_articles)),
    (signals.page_generator_finalized, for_sites_with(None)(site.on_pages)),
    (signals.static_generator_finalized, for_sites_with(None)(links.drop_static_links_leaving_the_site)),
    (signals.all_generators_finalized, for_sites_with(None, lambda g: g[0].settings if g else {})(gate.on_all_generators_finalized)),
    (signals.get_writer, writer),
    (signals.article_generator_write_article, for_sites_with(None)(pages.open_batch)),
    (signals.article_writer_finalized, for_sites_with(None)(pages.flush)),
    (signals.page_generator_write_page, for_sites_with(None)(pages.open_batch)),
    (signals.page_writer_finalized, for_sites_with(None)(pages.flush)),
    (signals.feed_generated, for_sites_with(None, lambda context: context)(complete_feed)),
    (signals.finalized, for_sites_with(None)(published.on_finalized)),
    (signals.finalized, for_sites_with(None)(replies.copy_avatars)),
)


def connect() -> None:
    for signal, receiver in RECEIVERS:
        signal.connect(receiver)
