"""Reusing the last build's pages: what an edit leaves unchanged is linked, not rendered.

When the *outline* of the site (every entry's metadata, URLs, summary and trial links; the trial
records, consent notes, pages and images; settings, theme and code) is unchanged, every page but
a changed entry's own page, and every feed without a changed entry in it, would be written with
the bytes it had: it is linked from the previous ``output/`` instead.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pelican.paginator import Paginator


class Reuse:
    """Pages and feeds of the last build that this build may link instead of writing again."""

    def __init__(self, previous_output: Path | None, outline: str | None, bodies: dict[str, str]):
        self.previous_output = previous_output
        self.previous_outline = outline
        self.previous_bodies = bodies
        self.outline = ""
        self.bodies: dict[str, str] = {}
        self.copied = 0

    def measure(self, context: dict, extra: str) -> None:
        """The outline and the entry bodies of this build, from the generated context."""
        from .fingerprint import digest

        parts = [extra]
        for item in sorted(
            [*context.get("articles", []), *context.get("pages", [])], key=lambda a: a.source_path
        ):
            self.bodies[item.save_as] = digest(item.content)
            parts.append(_outline(item))
        self.outline = digest(*parts)

    @property
    def active(self) -> bool:
        return bool(self.previous_output) and self.outline == self.previous_outline

    def changed(self, save_as: str) -> bool:
        """Whether the body of the entry or page saved as ``save_as`` changed since the last build."""
        return save_as in self.bodies and self.bodies[save_as] != self.previous_bodies.get(save_as)

    def copy_all(self, names: Iterable[str], output_path: str, showing: Iterable[str] = ()) -> bool:
        """Link every one of ``names``, files that show the entries saved as ``showing``, or none.

        True when they were linked: the outline is unchanged, no entry shown changed and the
        previous build has every file.
        """
        names = list(names)
        if not self.active or any(self.changed(s) for s in showing):
            return False
        sources = [self.previous_output / name for name in names]  # type: ignore[operator]
        if not names or not all(source.is_file() for source in sources):
            return False
        for name, source in zip(names, sources, strict=True):
            target = Path(output_path) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(source, target)
        self.copied += len(names)
        return True


def link_or_copy(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source`` (no copying), or a copy where links cannot be made.

    The previous build's files are never written again (a new build writes new files and is
    swapped in whole), so sharing them is safe; a page written over a link is unlinked first
    (see :class:`ReusingWriter`).
    """
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _outline(item: Any) -> str:
    """Everything about an entry or page that other pages can show: all but its body."""
    related = []
    for name in ("prev_in_trial", "next_in_trial"):
        other = getattr(item, name, None)
        related.append(f"{getattr(other, 'url', '')}\0{getattr(other, 'title', '')}")
    fields = {
        "meta": {k: v for k, v in item.metadata.items() if k != "content"},
        "url": item.url,
        "save_as": item.save_as,
        "summary": item.summary,
        "status": item.status,
        "trial": getattr(getattr(item, "trial", None), "slug", None),
        "day": getattr(item, "day_label", ""),
        "blinded": getattr(item, "blinded", False),
        "related": related,
    }
    return repr(sorted((k, repr(v)) for k, v in fields.items()))


class ReusingWriter:
    """A Pelican writer that copies unchanged pages from the previous build (see :class:`Reuse`)."""

    def __init__(self, writer: Any, reuse: Reuse):
        self._writer, self._reuse = writer, reuse

    @property
    def reuse(self) -> Reuse:
        return self._reuse

    def write_file(self, name: str, *args: Any, **kwargs: Any) -> Any:
        names = page_names(self._writer.settings, name, kwargs)
        if names and self._reuse.copy_all(names, self._writer.output_path, names):
            return None
        for page in names:
            target = os.path.join(self._writer.output_path, page)
            if os.path.isfile(target) and os.stat(target).st_nlink > 1:
                os.unlink(target)  # never write through a link into the previous build
        return self._writer.write_file(name, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._writer, name)


def page_names(settings: dict, name: str, kwargs: dict) -> list[str]:
    """The files Pelican's ``Writer.write_file(name, ..., **kwargs)`` writes: ``name``, or every
    page of a paginated listing (worked out as the writer does)."""
    if not name:
        return []
    paginated = kwargs.get("paginated")
    if paginated is None:
        paginated = {key: value for key, value in kwargs.items() if key in ("articles", "dates")}
    template_name = kwargs.get("template_name")
    templates = settings.get("PAGINATED_TEMPLATES", {})
    if not paginated or template_name not in templates:
        return [name]
    per_page = templates[template_name] or settings["DEFAULT_PAGINATION"]
    paginator = Paginator(name, kwargs.get("url"), next(iter(paginated.values())), settings, per_page)
    return [paginator.page(number).save_as for number in range(1, paginator.num_pages + 1)]


def reusing(writer: Any) -> Reuse | None:
    """The :class:`Reuse` of the writer of this build, if it reuses pages."""
    reuse = getattr(writer, "reuse", None)
    return reuse if isinstance(reuse, Reuse) else None
