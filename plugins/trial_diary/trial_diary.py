"""Trial diary: each trial's page (its facts and the writer's journey) and consent page; a page at
each address an entry or trial had before, to where it is now; the page for addresses that are not;
and the site's search: its page and its index of the entries, consent notes and trial pages.

The entries themselves are Pelican's articles, read, modelled and checked by trialblog's pipeline
(:mod:`trialblog.pipeline`); this plugin adds the pages of the trials they are about.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Markdown
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from trialblog import pipeline
from trialblog.content.consent import STANDARD_QUESTIONS
from trialblog.content.journey import timeline
from trialblog.pipeline.reader import markdown_config
from trialblog.pipeline.settings import check, flag, text
from trialblog.pipeline.site import current, entries_by_trial, site_of
from trialblog.pipeline.theme import with_trialblog_templates
from trialblog.pipeline.writer import together
from trialblog.registry.listing import condition_groups
from trialblog.registry.slugs import slugify_condition
from trialblog.render import charts
from trialblog.render.search import indexed_glob, write_search_index

PLUGIN = "trialblog_plugins.trial_diary"
SETTINGS = (text("MEDICAL_DISCLAIMER"), flag("SEARCH"), text("SITE_IMAGE"), text("SITE_IMAGE_ALT"))
logger = pipeline.logger("trial_diary")


class TrialGenerator(Generator):
    """Links diary entries to their trials and writes the per-trial pages."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        with_trialblog_templates(self.env)

    def generate_context(self) -> None:
        self.site = site_of(self)
        self.markdown = Markdown(**markdown_config(self.settings))
        self.by_trial = by_trial = entries_by_trial(self)
        self.trials = sorted(self.site.trials.values(), key=lambda t: t.title.lower())
        self.context.update(
            trials=self.trials,
            trial_entries=by_trial,
            conditions=condition_groups(self.trials, by_trial),
            condition_slug=slugify_condition,
            standard_questions=STANDARD_QUESTIONS,
            charts=charts,  # the trial page's pictures (trialblog.render.charts)
            BLINDING_NOTICE=self.settings.get("BLINDING_NOTICE", ""),
            # What kind of site this is, for its menu and home page: a diary (entries, or a trial
            # the writer takes part in), a directory (trials the writer only lists), or both.
            has_diary=bool(self.context.get("articles")) or any(t.participation for t in self.trials),
            has_directory_trials=any(t.participation is None for t in self.trials),
            SEARCH=self.settings.get("SEARCH", True),
        )

    def render_markdown(self, text: str) -> Markup:
        """Render the site owner's own Markdown (summaries, consent notes)."""
        return Markup(self.markdown.reset().convert(text)) if text else Markup("")

    def generate_output(self, writer) -> None:
        with together(writer):  # rendered on every core, written in order by Pelican's writer
            self._write(writer)

    def write_moved_and_missing(self, writer: Any) -> None:
        """A small page at each address a page had before, sending readers on to where it is now
        (a link posted months ago still works); and the page a server shows for any other address."""
        run = current(self.context, self.settings)
        titles = {a.url: a.title for a in self.context.get("articles", [])}
        titles.update({f"trials/{t.slug}/": t.title for t in self.trials})
        for save_as, (old, target) in sorted((run.extra.get("redirects") or {}).items()):
            writer.write_file(save_as, self.get_template("redirect"), self.context, target=target,
                              title=titles.get(target, target), url=old)  # fmt: skip
        writer.write_file("404.html", self.get_template("404"), self.context, url="404.html")

    def _write(self, writer: Any) -> None:
        relative = self.settings["RELATIVE_URLS"]
        for trial in self.trials:
            entries = self.by_trial.get(trial.slug, [])
            consent = self.site.consent.get(trial.slug)
            writer.write_file(
                f"trials/{trial.slug}/index.html",
                self.get_template("trial"),
                self.context,
                relative_urls=relative,
                trial=trial,
                entries=entries,
                steps=timeline(trial, entries),
                summary_html=self.render_markdown(trial.summary),
                consent=consent,
                url=f"trials/{trial.slug}/",
            )
            if consent:
                answers = [
                    (qid, question, self.render_markdown(consent.answers[qid]) if qid in consent.answers else None)
                    for qid, question in STANDARD_QUESTIONS
                ]
                writer.write_file(
                    f"trials/{trial.slug}/consent/index.html",
                    self.get_template("consent"),
                    self.context,
                    relative_urls=relative,
                    trial=trial,
                    consent=consent,
                    notes_html=self.render_markdown(consent.notes),
                    answers=answers,
                    url=f"trials/{trial.slug}/consent/",
                )
        self.write_moved_and_missing(writer)
        if self.settings.get("SEARCH", True) and self.context["has_diary"]:
            writer.write_file("search/index.html", self.get_template("search"), self.context,
                              relative_urls=relative, url="search/")  # fmt: skip
        # The trials index and the condition pages are the directory's: see trial_directory.


def check_settings(pelican: Any) -> None:
    if pipeline.enabled(pelican.settings, PLUGIN):
        check(pelican.settings, "trial_diary", SETTINGS)


def get_generators(pelican: Any) -> Any:
    return TrialGenerator if pipeline.enabled(pelican.settings, PLUGIN) else ()


def finalized(pelican: Any) -> None:
    """The search index, once every page is written."""
    settings = pelican.settings
    if pipeline.enabled(settings, PLUGIN) and settings.get("SEARCH", True):
        previous = settings.get("TRIALBLOG_PREVIOUS_OUTPUT")
        write_search_index(Path(pelican.output_path), logger, indexed_glob(settings), Path(previous) if previous else None)


def register() -> None:
    pipeline.connect()
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(finalized)
