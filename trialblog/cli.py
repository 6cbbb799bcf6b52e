"""The ``trialblog`` command."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from . import __version__
from .build import REFUSAL as REFUSAL_HINT
from .build import BuildError, build
from .content.errors import ContentError, ContentErrors
from .content.vocab import Masking, Milestone, Phase, Status

SITE_OPTION = click.option(
    "--site",
    "site_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The site folder (the one with pelicanconf.py).",
)


def friendly(func):
    """Turn every failure into one clear message and exit status 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except ContentErrors as exc:
            click.echo(exc.report(), err=True)
        except (ContentError, BuildError, FileExistsError) as exc:
            click.echo(f"error: {exc}", err=True)
        except KeyboardInterrupt:
            click.echo("stopped: nothing was changed in output/", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug or an environment problem: still no traceback
            click.echo(f"error: {type(exc).__name__}: {exc}", err=True)
            click.echo("  (run with TRIALBLOG_DEBUG=1 to see the details)", err=True)
            if os.environ.get("TRIALBLOG_DEBUG"):
                raise
        sys.exit(1)

    return wrapper


@click.group()
@click.version_option(__version__, prog_name="trialblog")
def main() -> None:
    """trialblog: publish your clinical-trial diary as a static website with feeds.

    \b
    Start a site:      trialblog init my-trial-blog
    Write an entry:    trialblog new entry --trial my-trial --milestone visit "Week 4 visit"
    Import trials:     trialblog import ctgov NCT01234567.json   (ClinicalTrials.gov records)
    Check it:          trialblog check          (privacy, blinding and more, before publishing)
    Build it:          trialblog build          (the site is written to output/)
    Preview it:        trialblog serve          (http://127.0.0.1:8000, rebuilt on change)
    """


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", "sitename", default="My trial diary", show_default=True, help="The site's title.")
@click.option("--author", default="A participant", show_default=True, help="Your name or pen name.")
@click.option(
    "--siteurl", default="https://example.org", show_default=True, help="Where the published site will live."
)
@friendly
def init(directory: Path, sitename: str, author: str, siteurl: str) -> None:
    """Create a new trial blog in DIRECTORY, with a first trial and entry to edit."""
    from .content.scaffold import init_site

    written = init_site(directory, sitename, author, siteurl)
    for path in written:
        click.echo(f"created {path}")
    click.echo(f"\nNext: cd {directory} && trialblog build && trialblog serve")


@main.group()
def new() -> None:
    """Create a diary entry or a trial record."""


@new.command("entry")
@click.argument("title")
@click.option("--trial", required=True, help="The trial's slug (its file name in content/trials/).")
@click.option(
    "--milestone",
    type=click.Choice([m.value for m in Milestone]),
    default=Milestone.VISIT.value,
    show_default=True,
    help="Which step of the trial this entry is about.",
)
@click.option("--publish", is_flag=True, help="Publish straight away instead of saving as a draft.")
@SITE_OPTION
@friendly
def new_entry(title: str, trial: str, milestone: str, publish: bool, site_dir: Path) -> None:
    """Write a new diary entry called TITLE, dated today, with a permanent Id.

    Entries start as drafts (never published) until you change `Status: draft`
    to `Status: published`, or pass --publish.
    """
    from .content.scaffold import new_entry as write_entry

    content = _content(site_dir)
    trials = {p.stem for p in (content / "trials").glob("*.y*ml")}
    if trial not in trials:
        known = ", ".join(sorted(trials)) or "none yet: add one with `trialblog new trial`"
        raise click.BadParameter(
            f"{trial!r} is not a trial of this site; known trials: {known}", param_hint="--trial"
        )
    path = write_entry(content, trial, Milestone(milestone), title, draft=not publish)
    click.echo(
        f"created {path}" + ("" if publish else " (a draft: set `Status: published` when it is ready)")
    )


@new.command("trial")
@click.argument("slug")
@click.option("--title", required=True, help="The trial's short title or acronym.")
@click.option("--id", "registry_id", help="Registry id, e.g. NCT04012996.")
@click.option(
    "--status", type=click.Choice([s.value for s in Status]), default="RECRUITING", show_default=True
)
@click.option(
    "--phase",
    "phases",
    multiple=True,
    type=click.Choice([p.value for p in Phase]),
    help="Repeat for PHASE1+PHASE2.",
)
@click.option("--masking", type=click.Choice([m.value for m in Masking]), default="NONE", show_default=True)
@click.option("--condition", "conditions", multiple=True, help="A condition studied; repeat for several.")
@SITE_OPTION
@friendly
def new_trial(slug, title, registry_id, status, phases, masking, conditions, site_dir: Path) -> None:
    """Write content/trials/SLUG.yaml and consent notes ready to fill in."""
    from .content.scaffold import new_trial as write_trial
    from .content.trials import load_trial

    content = _content(site_dir)
    paths = write_trial(
        content,
        slug,
        title,
        registry_id,
        Status(status),
        tuple(Phase(p) for p in phases),
        Masking(masking),
        conditions,
    )
    load_trial(paths[0], site_dir)
    for path in paths:
        click.echo(f"created {path}")


@main.command("check")
@click.argument(
    "site_arg", metavar="[SITE_DIR]", required=False, type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: path:line:column: severity rule-id message, with a fix; json: an array of findings.",
)
@click.option("--show-silenced", is_flag=True, help="Also show findings silenced with a stated reason.")
@SITE_OPTION
@friendly
def check_cmd(site_arg: Path | None, output_format: str, show_silenced: bool, site_dir: Path) -> None:
    """Check the content for privacy, blinding and other problems before it is published.

    Reads every diary entry, consent note, page and trial record and prints each finding
    (privacy, blinding, integrity, recruitment, accessibility, metadata) with a fix.
    Exit status 1 when any error is found. The rules, and how to silence one with a
    reason: docs/checks.md.
    """
    from .build import load_settings, run_checks
    from .checks import as_json, as_text, summary

    report = run_checks(load_settings((site_arg or site_dir).resolve()))
    if output_format == "json":
        click.echo(as_json(report, show_silenced))
    elif report.shown(show_silenced):
        click.echo(as_text(report, show_silenced))
    click.echo(summary(report), err=True)
    sys.exit(1 if report.errors else 0)


@main.command("build")
@click.option("--publish", is_flag=True, help="Use publishconf.py: absolute URLs for the live site.")
@click.option(
    "--allow-errors",
    is_flag=True,
    help="Build even when `trialblog check` finds errors (they are still shown).",
)
@SITE_OPTION
@friendly
def build_cmd(publish: bool, allow_errors: bool, site_dir: Path) -> None:
    """Check the content and build the site into output/.

    The content checks of `trialblog check` run first: any error stops the build unless
    --allow-errors. The new site replaces output/ only when the whole build succeeded.
    """
    from .build import ChecksFailed
    from .checks import as_text, summary

    try:
        result = build(site_dir, publish=publish, allow_errors=allow_errors)
    except ChecksFailed as exc:
        click.echo(as_text(exc.report))
        click.echo(summary(exc.report), err=True)
        click.echo(REFUSAL_HINT, err=True)
        sys.exit(1)
    if result.checks is not None and result.checks.shown():
        click.echo(as_text(result.checks))
        click.echo(summary(result.checks), err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if result.unchanged:
        click.echo(
            f"nothing changed since the last build: {result.output} is up to date ({result.pages} pages)"
        )
        return
    click.echo(
        f"built {result.pages} pages ({result.entries} diary entries, {result.trials} trials) in {result.output}"
    )


@main.command()
@click.option("--port", default=8000, show_default=True, help="Port to serve on.")
@click.option("--bind", default="127.0.0.1", show_default=True, help="Address to serve on.")
@SITE_OPTION
@friendly
def serve(port: int, bind: str, site_dir: Path) -> None:
    """Build, serve output/ on http://127.0.0.1:8000 and rebuild when anything changes."""
    from .build.serve import serve_forever

    serve_forever(site_dir, bind, port, echo=click.echo)


@main.command()
@click.option(
    "--network",
    type=click.Choice(["mastodon", "bluesky"]),
    help="Only this network (default: every one set up).",
)
@click.option(
    "--dry-run", is_flag=True, help="Print exactly what would be sent, per network; change nothing."
)
@click.option(
    "--baseline", is_flag=True, help="Mark everything already published as announced, without posting."
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Stop and explain instead of announcing more than this many posts in one run.",
)
@SITE_OPTION
@friendly
def syndicate(network: str | None, dry_run: bool, baseline: bool, limit: int, site_dir: Path) -> None:
    """Announce each new public diary entry once on Mastodon and Bluesky.

    Run it after `trialblog build --publish`. Accounts come from environment variables
    (see docs/syndication.md); what was announced is kept in .trialblog/syndication.json.
    """
    from .syndicate import SyndicateError
    from .syndicate.run import syndicate as run_syndicate

    try:
        report = run_syndicate(
            site_dir, network=network, dry_run=dry_run, baseline=baseline, limit=limit, echo=click.echo
        )
    except SyndicateError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if report.problems:
        click.echo(f"{len(report.problems)} problem(s): run `trialblog syndicate` again once fixed", err=True)
        sys.exit(1)


@main.group("import")
def import_group() -> None:
    """Bring trial records in from a registry."""


@import_group.command("ctgov")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date recorded for a status change when the record has none (default: today).",
)
@SITE_OPTION
@friendly
def import_ctgov(paths: tuple[Path, ...], today, site_dir: Path) -> None:
    """Import ClinicalTrials.gov records into content/trials/.

    PATHS are files or folders of API v2 JSON (one study, a /studies page or the website's
    download) or classic XML. A trial already on the site is updated in place, keeping your
    summary, participation and disclosure; each change of status is added to status_history.
    Problems are reported per file and the rest is imported; the exit status is 1 if anything
    could not be imported. The safety checks then read each imported record and say what they
    find: in the registry's own text that is never an error (docs/checks.md).
    """
    from .checks.report import text_line
    from .registry.importer import import_paths

    content = _content(site_dir)
    report = import_paths(paths, content, site_dir, today.date() if today else None)
    for outcome in report.outcomes:
        click.echo(str(outcome))
    for problem in report.problems:
        click.echo(f"{'error' if problem.fatal else 'warning'}: {problem}", err=True)
    for finding in report.findings:
        click.echo(text_line(finding, fix=not finding.registry))
    click.echo(report.summary())
    if report.findings:
        click.echo(report.checked())
    if report.failed:
        sys.exit(1)


def _content(site_dir: Path) -> Path:
    content = site_dir / "content"
    if not (site_dir / "pelicanconf.py").is_file():
        raise click.UsageError(
            f"{site_dir.resolve()} is not a trialblog site (no pelicanconf.py); use --site or `trialblog init`"
        )
    return content


def run() -> None:
    """The ``trialblog`` command: :func:`main`, then a quick exit.

    A build leaves millions of objects, which the interpreter would free one by one on the way
    out (0.15 s on the benchmark corpus); the operating system takes the memory back at once.
    Every file is written and closed by then; the standard streams are flushed here.
    """
    try:
        main()
        status = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            status = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
