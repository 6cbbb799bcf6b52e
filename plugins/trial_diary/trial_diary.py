"""Adapts Pelican to the trialblog model: validates content, enriches diary entries, writes
trial and consent pages, and keeps drafts and hidden posts unwritten."""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

from markdown import Markdown
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator
from pelican.utils import slugify

from trialblog.content.consent import STANDARD_QUESTIONS
from trialblog.content.journey import day_label, timeline
from trialblog.content.site import Site, load_site
from trialblog.content.vocab import Status
from trialblog.render import charts

from .reader import use_reused_reader

SITE_KEY = "TRIALBLOG_SITE"


def drop_unpublished(generator) -> None:
    """Privacy default: drafts and hidden posts are never written, listed or linked."""
    for name in ("drafts", "drafts_translations", "hidden_articles", "hidden_translations",
                 "hidden_pages", "draft_pages", "draft_translations"):  # fmt: skip
        items = getattr(generator, name, None)
        if isinstance(items, list):
            items.clear()


def site_for(settings: dict) -> Site:
    """The loaded content model, once per build."""
    site = settings.get(SITE_KEY)
    if site is None:
        content = Path(settings["PATH"])
        site = load_site(content, content.parent)
        settings[SITE_KEY] = site
    return site


class TrialGenerator(Generator):
    """Links diary entries to their trials and writes the per-trial pages."""

    shares_output = True  # every page goes through writer.write_file
    output_first = True  # the trial pages, which the directory's search index reads

    def generate_context(self) -> None:
        site = site_for(self.settings)
        self.site = site
        self.markdown = body_markdown(self.settings)
        articles = sorted(self.context.get("articles", []), key=lambda a: a.date)
        by_trial: dict[str, list] = defaultdict(list)
        for article in articles:
            meta = site.entry_for(article.source_path)
            if meta is None:
                continue
            trial = site.trials.get(meta.trial) if meta.trial else None
            article.trial = trial
            article.milestone = meta.milestone
            article.symptoms = meta.symptoms
            article.content_warning = meta.content_warning
            article.permanent_id = meta.id
            article.syndicate = meta.syndicate
            article.trial_day = trial.day_number(meta.day) if trial else None
            article.day_label = day_label(article.trial_day)
            article.blinded = bool(trial and trial.blinded_on(meta.day))
            article.disclosure = (trial.disclosure if trial else "") or self.settings.get("DISCLOSURE", "")
            article.prev_in_trial = article.next_in_trial = None
            if trial:
                by_trial[trial.slug].append(article)
        for entries in by_trial.values():
            for earlier, later in zip(entries, entries[1:], strict=False):
                earlier.next_in_trial, later.prev_in_trial = later, earlier
        self.by_trial = by_trial
        self.trials = sorted(site.trials.values(), key=lambda t: t.title.lower())
        self.conditions = self._conditions()
        self.context.update(
            trials=self.trials,
            trial_entries=by_trial,
            conditions=self.conditions,
            condition_slug=slugify_condition,
            standard_questions=STANDARD_QUESTIONS,
            charts=charts,  # the trial page's pictures (trialblog.render.charts)
            BLINDING_NOTICE=self.settings.get("BLINDING_NOTICE", ""),
        )
        self.context["status_badges"] = self.status_badges()
        compile_templates(
            self, ["trial", "base", "directory_macros"] + (["consent"] if self.site.consent else [])
        )
        if not self.settings["RELATIVE_URLS"]:
            # an entry's facts, on its own page and in every listing of it (index, tags, archives)
            self.context["entry_facts_html"] = rendered_once(
                self,
                "macros",
                "entry_facts",
                lambda article, link_trial=True: (article.source_path, link_trial),
            )

    def _conditions(self) -> list[dict]:
        groups: dict[str, dict] = {}
        for trial in self.trials:
            for name in trial.conditions:
                slug = slugify_condition(name)
                group = groups.setdefault(slug, {"slug": slug, "name": name, "trials": [], "entries": []})
                group["trials"].append(trial)
                group["entries"].extend(self.by_trial.get(trial.slug, []))
        for group in groups.values():
            group["entries"].sort(key=lambda a: a.date, reverse=True)
        return sorted(groups.values(), key=lambda g: g["name"].lower())

    def render_markdown(self, text: str) -> Markup:
        """Render the site owner's own Markdown (summaries, consent notes)."""
        self.markdown.reset()
        return Markup(self.markdown.convert(text)) if text else Markup("")

    def status_badges(self) -> dict[Status, Markup]:
        """macros.html's ``status_words`` of every status, rendered once per build: a trial
        page shows one for each of its sites, and some trials have hundreds."""
        macros = self.get_template("macros").make_module(self.context)
        return {status: Markup(macros.status_words(status)) for status in Status}

    def generate_output(self, writer) -> None:
        write = writer.write_file
        relative = self.settings["RELATIVE_URLS"]
        for trial in self.trials:
            entries = self.by_trial.get(trial.slug, [])
            consent = self.site.consent.get(trial.slug)
            write(
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
                    (
                        qid,
                        question,
                        self.render_markdown(consent.answers[qid]) if qid in consent.answers else None,
                    )
                    for qid, question in STANDARD_QUESTIONS
                ]
                write(
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
        # The trials index and the condition pages are the directory's: see trial_directory.


def compile_templates(generator: Generator, names: Iterable[str]) -> None:
    """Compile the theme's templates ``names`` now: before the output phase forks its processes,
    each of which would otherwise compile them again."""
    for name in names:
        generator.get_template(name)


def rendered_once(
    generator: Generator, template: str, macro: str, key: Callable[..., Hashable]
) -> Callable[..., Markup]:
    """``macro`` of the theme's ``template``, rendered once per distinct ``key(*args)``.

    For markup shown the same on many pages; only with absolute URLs, since with RELATIVE_URLS
    a link depends on the page it is on. The template module is made at the first call, from
    the context as the output phase has it.
    """
    cache: dict[Hashable, Markup] = {}
    module = None

    def render(*args: object) -> Markup:
        nonlocal module
        name = key(*args)
        html = cache.get(name)
        if html is None:
            if module is None:
                module = generator.get_template(template).make_module(generator.context)
            html = cache[name] = Markup(getattr(module, macro)(*args))
        return html

    return render


def body_markdown(settings: dict) -> Markdown:
    """Pelican's Markdown configuration without the metadata extension: for text with no header."""
    config = dict(settings["MARKDOWN"])
    config["extension_configs"] = {
        name: options
        for name, options in config.get("extension_configs", {}).items()
        if name != "markdown.extensions.meta"
    }
    config["extensions"] = [e for e in config.get("extensions", []) if e != "markdown.extensions.meta"]
    return Markdown(**config)


MAX_CONDITION_SLUG = 80


@functools.cache
def slugify_condition(name: str) -> str:
    """The slug of a condition (or country) name: never empty and never too long for a file name.

    A name with no letter or digit (``!!!``, ``<>``, an emoji) gets a slug made from its hash; a
    very long one is cut short and the hash added, so two long names never share a page.
    """
    slug = slugify(
        name, regex_subs=[(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]
    )
    if slug and len(slug) <= MAX_CONDITION_SLUG:
        return slug
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{slug[:MAX_CONDITION_SLUG].rstrip('-')}-{digest}" if slug else f"c-{digest}"


def get_generators(_pelican) -> type[Generator]:
    return TrialGenerator


def register() -> None:
    signals.readers_init.connect(use_reused_reader)
    signals.article_generator_finalized.connect(drop_unpublished)
    signals.page_generator_finalized.connect(drop_unpublished)
    signals.get_generators.connect(get_generators)
