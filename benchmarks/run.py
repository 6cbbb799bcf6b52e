"""Measure trialblog against plain Pelican (and Hugo, when installed) on the same corpus.

    python -m benchmarks.run [--size small|large] [--runs N] [--write docs/benchmarks.md]

Every figure is the median of N runs of a fresh process. Ratios are computed from figures
taken in this one run, side by side, so a noisy machine affects both sides alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import SIZES, generate

ROOT = Path(__file__).resolve().parent.parent
TRIALBLOG = [sys.executable, "-m", "trialblog.cli"]


@dataclass
class Timing:
    seconds: float
    peak_mb: float
    cpu: float = 0.0  # user + system seconds of the process and every process it waited for


def timed(command: list[str], cwd: Path, env: dict | None = None) -> Timing:
    """Run ``command``; wall time and the peak resident memory of its largest process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr[-3000:]}")
    return Timing(elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def median(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.seconds for t in timings),
        max(t.peak_mb for t in timings),
        statistics.median(t.cpu for t in timings),
    )


#: ext4 without a journal will not reuse an inode freed less than 30 seconds ago, and scans past
#: every such inode when it creates a file: a build right after a large deletion pays for it.
RECENTLY_FREED_SECONDS = 31


class Disk:
    """Keeps deletions out of the timed runs: old outputs are moved aside (and deleted with the
    benchmark's folder at the end), and a group of cold runs starts only once the files deleted
    before it are no longer recent to the filesystem, for every tool alike."""

    def __init__(self, trash: Path):
        self.trash = trash
        self.trash.mkdir(parents=True, exist_ok=True)
        self.last_deletion = time.monotonic()  # unknown before the benchmark: assume just now
        self.moved = 0

    def discard(self, path: Path) -> None:
        if path.exists() or path.is_symlink():
            self.moved += 1
            path.rename(self.trash / str(self.moved))

    def deleted(self) -> None:
        """Something outside the benchmark's control (a rebuild replacing its output) deleted files."""
        self.last_deletion = time.monotonic()

    def settle(self) -> None:
        wait = self.last_deletion + RECENTLY_FREED_SECONDS - time.monotonic()
        if wait > 0:
            time.sleep(wait)


def clean(site: Path, disk: Disk) -> None:
    for name in ("output", ".trialblog", "cache", *(p.name for p in site.glob(".output*"))):
        disk.discard(site / name)


def trialblog_cold(site: Path, disk: Disk) -> Timing:
    clean(site, disk)
    return timed([*TRIALBLOG, "build", "--site", str(site)], site)


def search_index_alone(site: Path, target: Path, disk: Disk) -> Timing:
    """Pagefind on a copy of the trial pages of ``site``'s last build, as the build runs it: the
    part of a cold build that can start only once those pages are written."""
    from trialblog.render.search import pagefind_command

    disk.discard(target)
    shutil.copytree(site / "output" / "trials", target / "trials")
    return timed(pagefind_command(target), target)


def trialblog_rebuild(site: Path, disk: Disk) -> Timing:
    """A rebuild over the last output, which the build deletes once the new one is in place (in a
    detached process: the next run starts when it is done, on a quiet machine)."""
    timing = timed([*TRIALBLOG, "build", "--site", str(site)], site)
    deadline = time.monotonic() + 120
    while list(site.glob(".output.trash-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    disk.deleted()
    return timing


def edit_one_entry(site: Path, n: int) -> None:
    entry = sorted((site / "content" / "diary").glob("*.md"))[
        len(list((site / "content" / "diary").glob("*.md"))) // 2
    ]
    with entry.open("a", encoding="utf-8") as handle:
        handle.write(f"\nOne more thought, written after the visit ({n}).\n")


def plain_pelican_site(site: Path, target: Path) -> Path:
    """A plain Pelican site over the same diary entries: default theme, no plugins."""
    target.mkdir(parents=True, exist_ok=True)
    (target / "pelicanconf.py").write_text(
        f'PATH = "{site / "content" / "diary"}"\nOUTPUT_PATH = "{target / "output"}"\n'
        'SITENAME = "Plain Pelican"\nSITEURL = ""\nTIMEZONE = "UTC"\nPLUGINS = []\n'
    )
    return target


def plain_pelican(target: Path, disk: Disk) -> Timing:
    disk.discard(target / "output")
    return timed([sys.executable, "-m", "pelican", "-s", str(target / "pelicanconf.py"), "-q"], target)


def hugo_site(site: Path, target: Path) -> Path:
    """The same Markdown as a Hugo site with minimal single and list layouts."""
    content = target / "content" / "diary"
    content.mkdir(parents=True, exist_ok=True)
    for entry in sorted((site / "content" / "diary").glob("*.md")):
        head, _, body = entry.read_text(encoding="utf-8").partition("\n\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        front = [
            "---",
            f'title: "{meta.get("Title", "").replace(chr(34), "")}"',
            f"date: {meta.get('Date', '2020-01-01').replace(' ', 'T')}:00Z",
            f"tags: [{meta.get('Tags', '')}]",
            "---",
        ]
        (content / entry.name).write_text("\n".join(front) + "\n\n" + body, encoding="utf-8")
    layouts = target / "layouts" / "_default"
    layouts.mkdir(parents=True, exist_ok=True)
    (layouts / "single.html").write_text(
        "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
        "{{ .Content }}</body></html>"
    )
    (layouts / "list.html").write_text(
        "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>"
        "{{ range .Paginator.Pages }}<li><a href='{{ .RelPermalink }}'>{{ .Title }}</a></li>{{ end }}</ul></body></html>"
    )
    (target / "hugo.toml").write_text('baseURL = "/"\ntitle = "Hugo"\npaginate = 10\n')
    return target


def hugo(target: Path, disk: Disk) -> Timing:
    disk.discard(target / "public")
    return timed(["hugo", "--quiet", "-s", str(target)], target)


def versions() -> dict[str, str]:
    import pelican

    import trialblog

    found = {
        "Python": platform.python_version(),
        "Pelican": pelican.__version__,
        "trialblog": trialblog.__version__,
    }
    if shutil.which("hugo"):
        found["Hugo"] = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    return found


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} {platform.release()}"


def resync_one_percent(site: Path, n: int) -> int:
    """What a nightly sync of the directory does to 1 % of the trials: a new status and its date."""
    records = sorted((site / "content" / "trials").glob("*.yaml"))
    changed = records[n % 100 :: 100]
    for record in changed:
        text = record.read_text(encoding="utf-8")
        text = text.replace("status: RECRUITING", "status: ACTIVE_NOT_RECRUITING", 1) if "status: RECRUITING" in text \
            else text.replace("status: ", "status: RECRUITING\n# was: ", 1)
        record.write_text(text, encoding="utf-8")
    return len(changed)


def run_directory(runs: int, workdir: Path) -> dict:
    """The directory alone at the size of every open study on ClinicalTrials.gov: cold, then
    rebuilt after a re-sync that changes 1 % of the records."""
    _entries, directory = SIZES["directory"]
    site = generate(workdir / "directory", 0, directory)
    disk = Disk(workdir / "trash")
    disk.settle()
    results: dict = {"size": "directory", "entries": 0, "directory": directory}
    results["cold"] = median([trialblog_cold(site, disk) for _ in range(runs)])
    results["pages"] = sum(1 for _ in (site / "output").rglob("*.html"))
    resyncs = []
    for n in range(runs):
        results["changed"] = resync_one_percent(site, n)
        resyncs.append(trialblog_rebuild(site, disk))
    results["resync"] = median(resyncs)
    return results


def directory_table(results: dict) -> str:
    cold, resync = results["cold"], results["resync"]
    rows = [
        (f"Cold build, {results['directory']:,} directory trials", f"{cold.seconds:.1f} s",
         f"{results['pages']} pages, {cold.peak_mb:.0f} MB peak; under 3 minutes and 4 GB are the targets"),
        (f"Rebuild after a re-sync changing {results['changed']} trials (1 %)", f"{resync.seconds:.1f} s",
         f"{resync.peak_mb:.0f} MB peak; under 15 s is the target"),
    ]  # fmt: skip
    lines = ["| measure | value | note |", "|---|---|---|", *[f"| {a} | {b} | {c} |" for a, b, c in rows]]
    return "\n".join(lines)


def run(size: str, runs: int, workdir: Path) -> dict:
    entries, directory = SIZES[size]
    site = generate(workdir / "site", entries, directory)
    # The same entries (the generator draws them before the directory) with only their own trials:
    # a participant's blog, without an advocacy group's directory.
    diary = generate(workdir / "diary", entries, 0)
    disk = Disk(workdir / "trash")
    plain = plain_pelican_site(site, workdir / "plain")
    hugo_dir = hugo_site(site, workdir / "hugo") if shutil.which("hugo") else None
    results: dict = {"size": size, "entries": entries, "directory": directory}
    disk.settle()
    colds, diaries, pelicans, hugos = [], [], [], []
    for _ in range(runs):  # in turns, so that a slow moment of the machine falls on each alike
        colds.append(trialblog_cold(site, disk))
        diaries.append(trialblog_cold(diary, disk))
        pelicans.append(plain_pelican(plain, disk))
        if hugo_dir:
            hugos.append(hugo(hugo_dir, disk))
    results["cold"], results["pelican"] = median(colds), median(pelicans)
    results["diary"] = median(diaries)
    results["diary_pages"] = sum(1 for _ in (diary / "output").rglob("*.html"))
    if hugos:
        results["hugo"] = median(hugos)
    results["pages"] = sum(1 for _ in (site / "output").rglob("*.html"))
    results["pelican_pages"] = sum(1 for _ in (plain / "output").rglob("*.html"))
    results["search"] = median([search_index_alone(site, workdir / "search", disk) for _ in range(runs)])
    edits = []
    for n in range(runs):
        edit_one_entry(site, n)
        edits.append(trialblog_rebuild(site, disk))
    results["edit"] = median(edits)
    results["unchanged"] = median([trialblog_rebuild(site, disk) for _ in range(runs)])
    if directory >= 5000:  # the directory on its own, as an advocacy group builds it in CI
        directory_site = generate(workdir / "directory", 0, directory)
        disk.settle()
        results["directory_only"] = median([trialblog_cold(directory_site, disk) for _ in range(runs)])
    return results


def table(results: dict) -> str:
    cold, pelican = results["cold"], results["pelican"]
    rows = [
        ("Cold build", f"{cold.seconds:.2f} s", f"{results['pages']} pages, {results['pages'] / cold.seconds:.0f} pages/s, {cold.cpu:.1f} s of CPU"),
        ("Rebuild after editing one entry", f"{results['edit'].seconds:.2f} s", f"{results['edit'].seconds / cold.seconds:.2f} × cold"),
        ("Rebuild, nothing changed", f"{results['unchanged'].seconds:.2f} s", f"{results['unchanged'].seconds / cold.seconds:.2f} × cold"),
        ("Peak memory (largest process)", f"{max(cold.peak_mb, results['edit'].peak_mb):.0f} MB", ""),
        ("Plain Pelican, same entries", f"{pelican.seconds:.2f} s", f"{results['pelican_pages']} pages, {pelican.cpu:.1f} s of CPU"),
        ("**trialblog / Pelican (cold)**", f"**{cold.seconds / pelican.seconds:.2f}**", "≤ 1.0 is the target"),
        ("trialblog CPU / Pelican CPU (cold)", f"{cold.cpu / pelican.cpu:.2f}",
         f"the work done: {os.cpu_count()} cores match Pelican's time only if this is at most {os.cpu_count()}, "
         "with every core busy from start to end"),
    ]  # fmt: skip
    if "search" in results:  # Pagefind, on the cold build's trial pages, by itself
        search = results["search"]
        rows.append(("Search index alone (Pagefind on the trial pages)", f"{search.seconds:.2f} s",
                     f"{search.cpu:.1f} s of CPU, {search.cpu / pelican.cpu:.2f} × Pelican's CPU for its whole build; "
                     "it starts once the trial pages are written"))  # fmt: skip
    if "diary" in results:  # the same entries with only their own trials, no directory records
        diary = results["diary"]
        rows.append(("Cold build, the diary site alone", f"{diary.seconds:.2f} s",
                     f"{results['diary_pages']} pages, {diary.cpu:.1f} s of CPU; the same entries and their trials, "
                     "no directory records"))  # fmt: skip
        rows.append(("trialblog diary site / Pelican (cold)", f"{diary.seconds / pelican.seconds:.2f}", ""))
    if "directory_only" in results:
        only = results["directory_only"]
        rows.append((f"Directory alone, {results['directory']} trials, cold", f"{only.seconds:.2f} s",
                     f"{only.peak_mb:.0f} MB peak; under a minute is the target"))  # fmt: skip
    if "hugo" in results:
        hugo_time = results["hugo"].seconds
        rows.append(("Hugo, same Markdown", f"{hugo_time:.2f} s", ""))
        rows.append(("**trialblog / Hugo (cold)**", f"**{cold.seconds / hugo_time:.2f}**", "≤ 3 is the aim"))
    lines = [
        f"Corpus `{results['size']}`: {results['entries']} diary entries, {results['directory']} directory trials.",
        "",
        "| measure | value | note |",
        "|---|---|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", choices=SIZES, default=os.environ.get("BENCH", "small"))
    parser.add_argument("--runs", type=int, help="runs of each measure (default: 5 small, 3 large)")
    parser.add_argument("--write", type=Path, help="write the results into this Markdown file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="trialblog-bench-") as folder:
        runs = args.runs or (5 if args.size == "small" else 3)
        if args.size == "directory":
            report = directory_table(run_directory(runs, Path(folder)))
        else:
            report = table(run(args.size, runs, Path(folder)))
    print(report)
    if args.write:
        write_report(args.write, args.size, report)


def write_report(path: Path, size: str, report: str) -> None:
    """Replace this size's section of the results in ``path``, keeping the rest of the page."""
    begin, end = f"<!-- results:{size} -->", f"<!-- /results:{size} -->"
    details = "\n".join(f"- {k}: {v}" for k, v in versions().items())
    section = (
        f"{begin}\nMeasured with `make bench{' BENCH=' + size if size != 'small' else ''}` on {machine()}.\n\n"
        f"{details}\n\n{report}\n{end}"
    )
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if begin in text and end in text:
        text = text[: text.index(begin)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
