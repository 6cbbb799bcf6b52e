"""``trialblog import ctgov``: registry records into ``content/trials/<slug>.yaml``.

An existing trial is found by its ``id:``, so its slug (and every diary entry linking to it)
stays as it is. Registry fields are updated; the site owner's fields are kept as written; each
change of overall status is added to ``status_history`` with its date. A file is only replaced
once the new version loads without error, and then atomically.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..checks.findings import Finding
from ..content.errors import ContentError, display_path
from ..content.site import TRIAL_SUFFIXES, TRIALS_DIR
from ..content.sources import FORBIDDEN, MAX_BYTES
from ..content.trials import SLUG, Trial, registry_of, trial_from_data
from ..content.yamlsource import LDict, load_yaml
from . import values as v
from .record import REGISTRY_FIELDS, RegistryRecord
from .slugs import base_slug, unique_slug
from .sources import FileRead, Problem, read_file, registry_files
from .yamlfile import compose, plain, write_atomic

if TYPE_CHECKING:
    from ..build.progress import Progress

T = TypeVar("T")
ID_LINE = re.compile(r"""^id:\s*["']?([^\s"'#]+)""", re.M)
OTHER_ID_LINE = re.compile(r"""^\s+-\s+id:\s*["']?([^\s"'#]+)""", re.M)  # entries of other_ids
REQUIRED = ("title", "status")


@dataclass(frozen=True)
class Outcome:
    """What happened to one record: ``created``, ``updated``, ``unchanged`` or ``skipped``."""

    source: str
    registry_id: str
    trial_file: str
    action: str
    changes: tuple[str, ...] = ()

    def __str__(self) -> str:
        detail = f": {'; '.join(self.changes)}" if self.changes else ""
        return f"{self.action} {self.trial_file} ({self.registry_id}){detail}"


@dataclass
class ImportReport:
    """Every outcome and every problem of one import."""

    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # the checks' findings in the written files

    @property
    def failed(self) -> bool:
        """True when a file or a record could not be imported."""
        return any(p.fatal for p in self.problems)

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    def summary(self, took: str | None = None) -> str:
        """One line: the records imported, by outcome, in how long (``took``), and how many failed."""
        done = ", ".join(
            f"{self.count(a)} {a}" for a in ("created", "updated", "unchanged", "skipped") if self.count(a)
        )
        failed = sum(1 for p in self.problems if p.fatal)
        head = f"imported {_count(len(self.outcomes), 'record')}"
        timing = f" in {took}" if took else ""
        tail = f"; {failed} could not be imported" if failed else ""
        return f"{head} ({done or 'none'}){timing}{tail}"

    def checked(self) -> str:
        """One line on what the checks found in the imported records, or nothing."""
        if not self.findings:
            return ""
        files = len({f.path for f in self.findings})
        registry = sum(1 for f in self.findings if f.registry)
        own = len(self.findings) - registry
        parts = [f"{registry} in the registry's own text, which never stops a build"] if registry else []
        parts += [f"{own} in the site's own fields, to fix before you build"] if own else []
        return f"checks: {_count(len(self.findings), 'finding')} in {_count(files, 'imported record')}: {'; '.join(parts)}"


class Importer:
    """Imports registry files into one site's ``content/trials/``."""

    def __init__(self, content: Path, root: Path | None = None, today: dt.date | None = None):
        self.trials = content / TRIALS_DIR
        self.root = root or content.parent
        self.today = today or dt.date.today()
        self.by_id: dict[str, Path] = {}  # each trial file by its id
        self.by_other_id: dict[str, Path] = {}  # and by its ids in other registries
        self.slugs: set[str] = set()
        self._index()

    def _index(self) -> None:
        if not self.trials.is_dir():
            return
        for path in self.trials.rglob("*"):
            if not path.is_file() or path.suffix.lower() not in TRIAL_SUFFIXES:
                continue
            self.slugs.add(path.stem)
            try:
                text = path.read_text(encoding="utf-8-sig", errors="replace")
            except OSError:
                continue
            match = ID_LINE.search(text)
            if match and registry_of(match.group(1)):
                self.by_id.setdefault(match.group(1), path)
            for other in OTHER_ID_LINE.findall(text):
                self.by_other_id.setdefault(other, path)

    def shown(self, path: Path) -> str:
        return display_path(path, self.root)

    def run(
        self,
        paths: Iterable[Path],
        reader: Callable[[Path, str], FileRead] | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import every study in ``paths`` (files or folders); problems never stop the rest. Files
        and studies are counted on ``progress`` as they go."""
        reader = reader or read_file
        report = ImportReport()
        if progress is not None:
            progress.phase("importing")
        for path in registry_files(list(paths)):
            if progress is not None:
                progress.count("files")
            shown = self.shown(path) if path.is_absolute() else str(path)
            read = _guarded(shown, report, reader, path, shown)
            if read is None:
                continue
            report.problems.extend(read.problems)
            for record in read.records:
                _guarded(record.source, report, self.import_record, record, report)
                if progress is not None:
                    progress.count("studies")
        return report

    def import_record(self, record: RegistryRecord, report: ImportReport) -> None:
        """Create or update the trial file of one record."""
        problems = report.problems
        if not record.id or not registry_of(record.id):
            what = f"its id {v.shown(record.id)} is not one trialblog recognises" if record.id else "it has no id"
            problems.append(Problem(record.source, f"{what}; not imported"))
            return
        path = self.find(record)
        old_text: str | None = None
        old: LDict | None = None
        if path is not None:
            shown = self.shown(path)
            try:
                old_text = path.read_text(encoding="utf-8-sig")
                old = load_yaml(old_text, shown)
            except (OSError, UnicodeDecodeError, ContentError) as exc:
                problems.append(
                    Problem(
                        record.source,
                        f"cannot update {shown}: {exc}; fix that file and import again (it was left as it is)",
                    )
                )
                return
            if not isinstance(old, dict):
                problems.append(
                    Problem(
                        record.source,
                        f"cannot update {shown}: it is not a mapping of fields; it was left as it is",
                    )
                )
                return
        problems.extend(Problem(record.source, note, fatal=False) for note in record.notes)
        lacking = [f for f in REQUIRED if not record.fields.get(f)]
        if old is None and lacking:
            problems.append(
                Problem(record.source, f"is a partial record, missing {_join(record.missing)}; not imported")
            )
            return
        if path is None:
            slug = unique_slug(
                base_slug(record.fields.get("acronym"), record.fields.get("title"), record.id),
                self.slugs,
                record.id,
            )
            path = self.trials / f"{slug}.yaml"
        shown = self.shown(path)
        if record.missing:
            kept = f"kept what {shown} already had" if old is not None else "imported what it has"
            problems.append(
                Problem(
                    record.source,
                    f"is a partial record, missing {_join(record.missing)}; {kept}",
                    fatal=False,
                )
            )
        same = old is not None and plain(old.get("id")) == record.id  # not the trial in another registry
        old_updated = plain(old.get("last_updated")) if same and old else None
        new_updated = record.fields.get("last_updated")
        if old_updated and new_updated and str(new_updated) < str(old_updated):
            problems.append(
                Problem(
                    record.source,
                    f"is older than {shown} (record last updated {new_updated}, file {old_updated}); skipped",
                    fatal=False,
                )
            )
            report.outcomes.append(Outcome(record.source, record.id, shown, "skipped"))
            return
        merged, changes = self.merge(old, record)
        text = compose(old_text, old, merged)
        errors, trial = _check(text, path.stem, shown)
        if errors:
            listed = "; ".join(f"{e.field + ': ' if e.field else ''}{e.message}" for e in errors[:3])
            more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
            was = "it was left as it is" if old is not None else "nothing was written"
            problems.append(Problem(record.source, f"would make {shown} invalid: {listed}{more}; {was}"))
            return
        if text == old_text:
            action = "unchanged"
        else:
            try:
                write_atomic(path, text)
            except OSError as exc:  # said by the command with the trial file's name, not a temporary one
                raise OSError(exc.errno, exc.strerror, shown) from exc
            action = "updated" if old is not None else "created"
        self.by_id[str(merged["id"])] = path
        for other in merged.get("other_ids") or []:
            self.by_other_id[other["id"]] = path
        self.slugs.add(path.stem)
        report.outcomes.append(Outcome(record.source, record.id, shown, action, tuple(changes)))
        if trial is not None:
            from ..checks.runner import check_record  # the rules load only when a record is written

            report.findings += check_record(shown, text, trial)

    def find(self, record: RegistryRecord) -> Path | None:
        """The trial file of ``record``: by its id, or as the same trial registered elsewhere."""
        assert record.id
        ids = [record.id, *(o["id"] for o in record.fields.get("other_ids", []))]
        for registry_id in ids:
            path = self.by_id.get(registry_id) or self.by_other_id.get(registry_id)
            if path is not None:
                return path
        return None

    def merge(self, old: LDict | None, record: RegistryRecord) -> tuple[dict[str, Any], list[str]]:
        """The new field values: the record's registry fields over the old file's, and the history."""
        merged: dict[str, Any] = {k: plain(v) for k, v in (old or {}).items()}
        old_id = str(merged.get("id") or "")
        if old is not None and record.secondhand:
            return self._also_registered(merged, record), []
        if old is not None and old_id and old_id != record.id:
            if registry_of(record.id or "") != "ClinicalTrials.gov" or registry_of(old_id) == "ClinicalTrials.gov":
                return self._also_registered(merged, record), [f"also registered as {record.id}"]
            self._take_over(merged, old_id, record.id)
        if "other_ids" in record.fields:
            record.fields["other_ids"] = _other_ids(merged.get("other_ids"), record.fields["other_ids"], record.id)
        if "url" in record.fields and not merged.get("url"):
            merged["url"] = record.fields["url"]
        for key in REGISTRY_FIELDS:
            if key not in record.fields:
                continue
            value = record.fields[key]
            if key == "eligibility" and isinstance(merged.get(key), dict):
                value = {**merged[key], **value}
            if value in ([], "", {}) and key not in merged:
                continue
            merged[key] = value
        changes = self._history(merged, old, record)
        return merged, changes

    def _history(self, merged: dict[str, Any], old: LDict | None, record: RegistryRecord) -> list[str]:
        new_status = record.fields.get("status")
        if not new_status:
            return []
        history = [dict(h) for h in merged.get("status_history") or [] if isinstance(h, dict)]
        old_status = plain(old.get("status")) if old else None
        date = record.status_date or self.today.isoformat()
        if history and str(history[-1].get("date", "")) > date:
            date = str(history[-1]["date"])
        if not history and old_status and old_status != new_status:
            old_date = plain(old.get("status_verified")) or plain(old.get("last_updated")) if old else None
            if old_date:
                history.append({"status": old_status, "date": str(old_date)})
        last = history[-1].get("status") if history else None
        changes: list[str] = []
        if last != new_status:
            history.append({"status": new_status, "date": date})
            if old_status and old_status != new_status:
                changes.append(f"status {old_status} \u2192 {new_status} ({date})")
        merged["status_history"] = history
        return changes


    def _also_registered(self, merged: dict[str, Any], record: RegistryRecord) -> dict[str, Any]:
        """The file of a trial that ``record`` shows in another registry: only its id there is added."""
        mine = {"id": record.id, "url": record.fields["url"]} if record.fields.get("url") else {"id": record.id}
        others = _other_ids(merged.get("other_ids"), [mine, *record.fields.get("other_ids", [])], merged["id"])
        if others:
            merged["other_ids"] = others
        return merged

    @staticmethod
    def _take_over(merged: dict[str, Any], old_id: str, new_id: str) -> None:
        """A ClinicalTrials.gov record becomes the file's id; the other registry's id and link stay."""
        entry = {"id": old_id, "url": merged.pop("url")} if merged.get("url") else {"id": old_id}
        merged["other_ids"] = _other_ids(merged.get("other_ids"), [entry], new_id)
        merged.pop("registry_status", None)


def _other_ids(old: Any, new: list[dict], own: str | None) -> list[dict]:
    """``old`` other ids with ``new`` ones added (a new link replaces an old one), without ``own``."""
    found: dict[str, dict] = {}
    for entry in [*(old if isinstance(old, list) else []), *new]:
        if isinstance(entry, dict) and entry.get("id") and entry["id"] != own:
            found[entry["id"]] = {**found.get(entry["id"], {}), **entry}
    return list(found.values())


def _check(text: str, slug: str, shown: str) -> tuple[list[ContentError], Trial | None]:
    """Problems the strict trial loader would report for ``text`` (its size and characters too),
    and the trial it loads when there are none."""
    errors: list[ContentError] = []
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        limit = MAX_BYTES // 1024 // 1024
        too_large = f"too large ({size / 1024 / 1024:.1f} MB; the limit is {limit} MB)"
        return [ContentError(shown, None, None, too_large)], None
    forbidden = FORBIDDEN.search(text)
    if forbidden:
        character = f"a character a page cannot hold (U+{ord(forbidden.group()):04X})"
        return [ContentError(shown, None, None, character)], None
    try:
        data = load_yaml(text, shown)
    except ContentError as exc:
        return [exc], None
    if not SLUG.match(slug):
        errors.append(ContentError(shown, None, None, f"{slug!r} cannot be a trial slug"))
    trial = trial_from_data(data, slug, shown, errors)
    return errors, None if errors else trial


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _guarded(source: str, report: ImportReport, step: Callable[..., T], *args: Any) -> T | None:
    """``step(*args)``; whatever a file or record holds that the reader did not foresee becomes that
    file's problem, and the import goes on with the others."""
    try:
        return step(*args)
    except OSError:
        raise  # the disk, not the file: every other file would fail the same way
    except Exception as exc:  # noqa: BLE001 - one file never stops the others
        said = str(exc) if len(str(exc)) <= 200 else str(exc)[:199] + "\u2026"
        report.problems.append(
            Problem(source, f"could not be imported ({type(exc).__name__}: {said}); nothing was written for it")
        )
        return None


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def import_paths(
    paths: Iterable[Path],
    content: Path,
    root: Path | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import every study found in ``paths`` into ``content/trials/``."""
    return Importer(content, root, today).run(paths, progress=progress)
