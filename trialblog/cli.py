"""The ``trialblog`` command."""

from __future__ import annotations

import errno
import functools
import os
import sys
from pathlib import Path

import click

from . import __version__
from .build import BuildError, build
from .build.output import BuildBusy
from .checks.report import REFUSAL as REFUSAL_HINT
from .content.errors import ContentError, ContentErrors
from .content.vocab import Masking, Milestone, Phase, Status

QUIET_OPTION = click.option(
    "--quiet", is_flag=True, help="Progress as plain lines, one per step, instead of a line rewritten in place."
)
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
        except (ContentError, BuildError, BuildBusy, FileExistsError) as exc:
            click.echo(f"error: {exc}", err=True)
        except OSError as exc:  # the machine's trouble, said in words: which file, what to do
            click.echo(f"error: {system_trouble(exc)}", err=True)
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


#: What to do about the operating system's refusals, by errno.
SYSTEM_ADVICE = {
    errno.ENOSPC: "the disk is full: free some space, then run the command again",
    errno.EDQUOT: "your disk quota is used up: free some space, then run the command again",
    errno.EACCES: "permission denied: make the folder writable for you (or run from a folder you own)",
    errno.EPERM: "the operation is not permitted there: make the folder writable for you",
    errno.EROFS: "the disk is read-only: build onto a writable disk (set OUTPUT_PATH) or remount it",
    errno.ENAMETOOLONG: "a file name is too long for this disk: shorten the title or give a shorter `Slug:`",
    errno.EMFILE: "too many files are open at once: close other programs, then run the command again",
}


def system_trouble(exc: OSError) -> str:
    """An operating-system error as one sentence: the file, what happened, what to do."""
    where = f"{exc.filename}: " if exc.filename else ""
    advice = SYSTEM_ADVICE.get(exc.errno or 0, exc.strerror or str(exc))
    return f"{where}{advice}"


@click.group()
@click.version_option(__version__, prog_name="trialblog")
def main() -> None:
    """trialblog: publish your clinical-trial diary as a static website with feeds.

    \b
    Start a site:      trialblog init my-trial-blog
    Write an entry:    trialblog new entry --trial my-trial --milestone visit "Week 4 visit"
    Import trials:     trialblog import ctgov NCT01234567.json   (ClinicalTrials.gov records)
    Keep them fresh:   trialblog import ctgov --saved   (the API queries in CTGOV_QUERIES)
    Check it:          trialblog check          (privacy, blinding and more, before publishing)
    Build it:          trialblog build          (the site is written to output/)
    Readers' replies:  trialblog replies fetch && trialblog replies review
    Preview it:        trialblog serve          (http://127.0.0.1:8000, rebuilt on change)
    """


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", "sitename", help="The site's title  [default: My trial diary, or Clinical trials directory]")
@click.option("--author", default="A participant", show_default=True, help="Your name or pen name.")
@click.option(
    "--siteurl", default="https://example.org", show_default=True, help="Where the published site will live."
)
@click.option(
    "--directory",
    "trials_directory",
    is_flag=True,
    help="A directory of recruiting trials (for a patient group), with no diary.",
)
@friendly
def init(directory: Path, sitename: str | None, author: str, siteurl: str, trials_directory: bool) -> None:
    """Create a new trial blog in DIRECTORY, with a first trial and entry to edit.

    With --directory: a directory of clinical trials with no diary, to fill with
    `trialblog import ctgov`.
    """
    from .content.scaffold import init_site

    name = sitename or ("Clinical trials directory" if trials_directory else "My trial diary")
    written = init_site(directory, name, author, siteurl, directory=trials_directory)
    for path in written:
        click.echo(f"created {path}")
    if trials_directory:
        click.echo(f"\nNext: cd {directory} && trialblog import ctgov --query "
                   "'query.cond=lupus&filter.overallStatus=RECRUITING' && trialblog build && trialblog serve")  # fmt: skip
        click.echo("Set DIRECTORY_DISCLOSURE in pelicanconf.py: who publishes the directory and who funds it.")
        return
    click.echo(f"\nNext: cd {directory} && trialblog build && trialblog serve")
    click.echo("Your first entry is a draft in content/diary/: write it, then set `Status: published`.")


@main.group()
def new() -> None:
    """Create a diary entry or a trial record."""


@new.command("entry")
@click.argument("title")
@click.option("--trial", required=True, help="The trial's slug (its file name in content/trials/), or `none`.")
@click.option(
    "--milestone",
    type=click.Choice([m.value for m in Milestone]),
    help="Which step of the trial this entry is about  [default: visit; none with --trial none]",
)
@click.option(
    "--date",
    "when",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%d %H:%M"]),
    help="The entry's date, YYYY-MM-DD or 'YYYY-MM-DD HH:MM'  [default: today]",
)
@click.option("--publish", is_flag=True, help="Publish straight away instead of saving as a draft.")
@SITE_OPTION
@friendly
def new_entry(title: str, trial: str, milestone: str | None, when, publish: bool, site_dir: Path) -> None:
    """Write a new diary entry called TITLE, with a permanent Id.

    The file is content/diary/<date>-<title>.md. Entries start as drafts (never published)
    until you change `Status: draft` to `Status: published`, or pass --publish; an entry whose
    text is still "Write what happened today." is never published.
    """
    from .content.entries import NO_TRIAL
    from .content.scaffold import new_entry as write_entry

    content = _content(site_dir)
    title = " ".join(title.split())
    if not title:
        raise click.BadParameter('give the entry a title, e.g. "Screening day"', param_hint="TITLE")
    trial = trial.strip().lower()
    trials = {p.stem for p in (content / "trials").glob("*.y*ml")}
    if trial == NO_TRIAL:
        if milestone:
            raise click.BadParameter(
                "a post about no trial has no milestone: leave --milestone out", param_hint="--milestone"
            )
    elif trial not in trials:
        known = ", ".join(sorted(trials)) or "none yet: add one with `trialblog new trial`"
        raise click.BadParameter(
            f"{trial!r} is not a trial of this site; known trials: {known}; or `none` for a post about no trial",
            param_hint="--trial",
        )
    chosen = None if trial == NO_TRIAL else Milestone(milestone or Milestone.VISIT.value)
    path = write_entry(content, trial, chosen, title, draft=not publish, when=when)
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
@click.option("--all", "every", is_flag=True, help="List every finding (by default a rule's first three, then a count).")
@QUIET_OPTION
@SITE_OPTION
@friendly
def check_cmd(
    site_arg: Path | None, output_format: str, show_silenced: bool, every: bool, quiet: bool, site_dir: Path
) -> None:
    """Check the content for privacy, blinding and other problems before it is published.

    Reads every file Pelican would publish (diary entries, consent notes, pages, trial records)
    and prints each finding (privacy, blinding, integrity, recruitment, accessibility, metadata)
    with a fix. Exit status 1 when any error is found. The rules, and how to silence one with a
    reason: docs/checks.md.
    """
    from .build import check_site
    from .build.progress import Progress
    from .checks import as_json, as_text, summary

    progress = Progress(live=False if quiet else None, silent=output_format == "json")
    report = check_site(site_arg or site_dir, progress=progress)
    if output_format == "json":
        click.echo(as_json(report, show_silenced))
    elif report.shown(show_silenced):
        click.echo(as_text(report, show_silenced, every=every))
    click.echo(f"{summary(report)}; {progress.elapsed()}", err=True)
    sys.exit(1 if report.errors else 0)


@main.command("build")
@click.option("--publish", is_flag=True, help="Use publishconf.py: absolute URLs for the live site.")
@click.option(
    "--allow-errors",
    is_flag=True,
    help="Build even when `trialblog check` finds errors (they are still shown).",
)
@QUIET_OPTION
@SITE_OPTION
@friendly
def build_cmd(publish: bool, allow_errors: bool, quiet: bool, site_dir: Path) -> None:
    """Check the content and build the site into output/.

    The content checks of `trialblog check` run on exactly what will be published, before
    anything is written: any error stops the build unless --allow-errors. The new site replaces
    output/ only when the whole build succeeded. Progress is shown as it goes; repeated findings
    are shown three times each and counted (`trialblog check --all` lists every one).
    """
    from .build.progress import Progress, counted
    from .checks import ChecksFailed, as_text, summary

    progress = Progress(live=False if quiet else None)
    try:
        result = build(site_dir, publish=publish, allow_errors=allow_errors, progress=progress)
    except ChecksFailed as exc:
        click.echo(as_text(exc.report, every=False))
        click.echo(summary(exc.report), err=True)
        click.echo(REFUSAL_HINT, err=True)
        sys.exit(1)
    if result.checks is not None and result.checks.shown():
        click.echo(as_text(result.checks, every=False))
        click.echo(summary(result.checks), err=True)
    for warning in counted(result.warnings):
        click.echo(f"warning: {warning}", err=True)
    if result.unchanged:
        click.echo(
            f"nothing changed since the last build: {result.output} is up to date ({result.pages} pages)"
            f"; {progress.elapsed()}"
        )
        return
    click.echo(
        f"built {result.pages} pages ({result.entries} diary entries, {result.trials} trials) in "
        f"{result.output} in {progress.elapsed()}"
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
@QUIET_OPTION
@SITE_OPTION
@friendly
def syndicate(network: str | None, dry_run: bool, baseline: bool, limit: int, quiet: bool, site_dir: Path) -> None:
    """Announce each new public diary entry once on Mastodon and Bluesky.

    Run it after `trialblog build --publish`. Accounts come from environment variables
    (see docs/syndication.md); what was announced is kept in .trialblog/syndication.json.
    """
    from .build.progress import Progress
    from .syndicate import SyndicateError, require_clients

    try:
        require_clients()
        from .syndicate.run import syndicate as run_syndicate

        with Progress(live=False if quiet else None) as progress:
            report = run_syndicate(site_dir, network=network, dry_run=dry_run, baseline=baseline, limit=limit,
                                   echo=progress.above(click.echo), progress=progress)  # fmt: skip
    except SyndicateError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    posts = len(report.posted)
    click.echo(f"announced {posts} post{'' if posts == 1 else 's'} in {progress.elapsed()}")
    if report.problems:
        click.echo(f"{len(report.problems)} problem(s): run `trialblog syndicate` again once fixed", err=True)
        sys.exit(1)


@main.group()
def replies() -> None:
    """Readers' replies on Mastodon and Bluesky: fetch them, then read and approve them."""


@replies.command("fetch")
@click.option("--network", type=click.Choice(["mastodon", "bluesky"]), help="Only this network (default: every one set up).")
@QUIET_OPTION
@SITE_OPTION
@friendly
def replies_fetch(network: str | None, quiet: bool, site_dir: Path) -> None:
    """Fetch the replies to every announced entry into content/replies/.

    Run it after `trialblog syndicate`; the accounts are those of syndication (docs/syndication.md).
    New replies wait for `trialblog replies review`; edited ones are updated, deleted ones dropped.
    Nothing is published until you build.
    """
    from .build.progress import Progress
    from .syndicate import SyndicateError, require_clients

    try:
        require_clients("fetching replies")
        from .replies.fetch import fetch

        with Progress(live=False if quiet else None) as progress:
            report = fetch(site_dir, network=network, echo=progress.above(click.echo), progress=progress)
    except SyndicateError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(
        f"{report.new} new, {report.updated} edited, {report.deleted} deleted, {report.approved} approved "
        f"automatically; {report.waiting} waiting for `trialblog replies review`; fetched in {progress.elapsed()}"
    )
    if report.problems:
        click.echo(f"{len(report.problems)} problem(s): run `trialblog replies fetch` again later", err=True)
        sys.exit(1)


@replies.command("review")
@click.option("--all", "everything", is_flag=True, help="Also the replies already approved or hidden (to remove one).")
@SITE_OPTION
@friendly
def replies_review(everything: bool, site_dir: Path) -> None:
    """Read each new reply and approve, hide, trust, remove or block it.

    A reply the checks hold back (it names someone with their health, carries a phone number or
    an address, guesses your group while you are blinded, or recruits) shows why, and can only be
    approved with a reason. Each decision is saved at once; quit at any time.
    """
    from .replies.review import review

    def ask(text: str, choices: tuple[str, ...]) -> str:
        click.echo(text)
        return click.prompt("  your choice", type=click.Choice(list(choices)), show_choices=False)

    tally = review(site_dir, ask, lambda text: click.prompt(text, default="", show_default=False), click.echo, everything)
    click.echo(
        f"{tally.approved} approved, {tally.hidden} hidden, {tally.removed} removed, {tally.skipped} skipped; "
        "build the site to publish"
    )


TODAY_OPTION = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date recorded for a status change when the record has none (default: today).",
)


@main.group("import")
def import_group() -> None:
    """Bring trial records in from a registry."""


@import_group.command("ctgov")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--query",
    "queries",
    multiple=True,
    metavar="QUERY",
    help="Sync from the API: its own query string, e.g. 'query.cond=lupus&filter.overallStatus=RECRUITING'.",
)
@click.option("--saved", is_flag=True, help="Sync every query saved in CTGOV_QUERIES (pelicanconf.py).")
@click.option(
    "--api-url",
    default="https://clinicaltrials.gov/api/v2",
    show_default=True,
    help="The API to sync from (a mirror, or a stand-in for tests).",
)
@click.option(
    "--pause", type=click.FloatRange(min=0), default=1.0, show_default=True, help="Seconds between requests."
)
@TODAY_OPTION
@QUIET_OPTION
@SITE_OPTION
@friendly
def import_ctgov(
    paths: tuple[Path, ...],
    queries: tuple[str, ...],
    saved: bool,
    api_url: str,
    pause: float,
    today,
    quiet: bool,
    site_dir: Path,
) -> None:
    """Import ClinicalTrials.gov records into content/trials/, from files or from the API.

    PATHS are files or folders of API v2 JSON (one study, a /studies page or the website's
    download) or classic XML. With --query or --saved, every page of the queries is fetched
    from the API, and so is every trial on the site the queries no longer return (its new
    status is recorded); no file changes unless the whole sync succeeds. A trial already on
    the site is updated in place, keeping your summary, participation and disclosure; each
    change of status is added to status_history. Problems are reported per record and the
    rest is imported; the exit status is 1 if anything could not be imported. The safety
    checks then read each imported record and say what they find: in the registry's own text
    that is never an error (docs/checks.md).
    """
    from .build.progress import Progress

    content = _content(site_dir)
    day = today.date() if today else None
    if not (paths or queries or saved):
        raise click.UsageError("name files or folders to import, or sync with --query QUERY or --saved")
    if paths and (queries or saved):
        raise click.UsageError("import files or sync from the API, not both at once")
    with Progress(live=False if quiet else None) as progress:
        if paths:
            from .registry.importer import import_paths

            report = import_paths(paths, content, site_dir, day, progress=progress)
        else:
            report = _sync(site_dir, content, list(queries), saved, api_url, pause, day, quiet)
    _tell(report, progress.elapsed())


@import_group.command("ictrp")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@TODAY_OPTION
@QUIET_OPTION
@SITE_OPTION
@friendly
def import_ictrp(paths: tuple[Path, ...], today, quiet: bool, site_dir: Path) -> None:
    """Import trials from WHO ICTRP XML exports into content/trials/.

    Each trial keeps its own registry's id (EU CTR, CTIS, ISRCTN, JPRN, DRKS, ChiCTR, ...) and a
    link to its record; its recruitment status is put in trialblog's words, the registry's own
    kept beside it. A trial also registered on ClinicalTrials.gov (a secondary id naming its
    NCT number) is one trial: its other ids are added to the ClinicalTrials.gov record's file.
    """
    from .build.progress import Progress
    from .registry.ictrp import read_ictrp_file
    from .registry.importer import Importer

    importer = Importer(_content(site_dir), site_dir, today.date() if today else None)
    with Progress(live=False if quiet else None) as progress:
        report = importer.run(paths, read_ictrp_file, progress)
    _tell(report, progress.elapsed())


def _tell(report, took: str) -> None:
    """Print an import's outcomes, problems and what the checks found, and how long it took;
    exit 1 when anything could not be imported."""
    from .checks.report import text_line

    for outcome in report.outcomes:
        click.echo(str(outcome))
    for problem in report.problems:
        click.echo(f"{'error' if problem.fatal else 'warning'}: {problem}", err=True)
    for finding in report.findings:
        click.echo(text_line(finding, fix=not finding.registry))
    click.echo(report.summary(took))
    if report.findings:
        click.echo(report.checked())
    if report.failed:
        sys.exit(1)


def _sync(site_dir: Path, content: Path, queries: list[str], saved: bool, api_url: str, pause: float, day, quiet: bool):
    """Run the API sync for ``trialblog import ctgov --query/--saved``."""
    from .build import load_settings
    from .registry.ctgov_api import Client, SyncError
    from .registry.progress import ProgressLine
    from .registry.sync import saved_queries, sync

    if saved:
        try:
            queries += saved_queries(load_settings(site_dir).get("CTGOV_QUERIES", []))
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    progress = ProgressLine(sys.stderr, terminal=False if quiet else None)
    try:
        return sync(content, queries, Client(api_url, pause=pause), root=site_dir, today=day, progress=progress)
    except SyncError as exc:
        progress.done()  # the message starts on a line of its own
        click.echo(f"error: {exc}; no trial file was changed", err=True)
        sys.exit(1)
    finally:
        progress.done()


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
