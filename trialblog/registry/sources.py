"""Reading registry files in every shape ClinicalTrials.gov hands them out.

API v2 JSON: one study, a ``/studies`` page (``{"studies": [...], "nextPageToken": ...}``) or
the website's download (a JSON array); and the classic public XML (``<clinical_study>``).
A file that cannot be read gives a :class:`Problem` naming the file and what is wrong; it never
raises.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .ctgov_json import is_study, read_study
from .ctgov_xml import parser, read_clinical_study
from .record import RegistryRecord

SUFFIXES = (".json", ".xml")
NCT_IN_NAME = re.compile(r"nct[0-9]{8}", re.I)
#: An NCT number: ASCII only (``\d`` would let full-width and other digits through); use fullmatch.
NCT_ID = re.compile(r"NCT[0-9]{8}")
#: Python refuses to read an integer of more than 4,300 digits; no registry number needs 20.
LONGEST_INTEGER = 20


@dataclass(frozen=True)
class Problem:
    """Something wrong with a file or one record in it; ``fatal`` when nothing was imported from it."""

    source: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class FileRead:
    """The records read from one file, and the problems met."""

    shown: str
    records: list[RegistryRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def registry_files(paths: list[Path]) -> Iterator[Path]:
    """The files named, and every ``.json`` and ``.xml`` file under the folders named, in order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def read_file(path: Path, shown: str | None = None) -> FileRead:
    """Every study in ``path``; problems are collected, never raised."""
    shown = shown or str(path)
    result = FileRead(shown)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        result.problems.append(Problem(shown, f"cannot be read: {exc.strerror or exc}"))
        return result
    body = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not body:
        result.problems.append(Problem(shown, "the file is empty"))
        return result
    if body.startswith(b"<"):
        _read_xml(body, result)
    else:
        _read_json(raw, result)
    _check_name(path, result)
    return result


def _read_json(raw: bytes, result: FileRead) -> None:
    shown = result.shown
    try:
        data = json.loads(raw, parse_int=_integer)
    except UnicodeDecodeError as exc:
        result.problems.append(Problem(shown, f"is not UTF-8 text ({exc.reason}); save it as UTF-8"))
        return
    except json.JSONDecodeError as exc:
        cut = " (the file looks cut short)" if exc.pos >= len(raw.rstrip()) - 1 else ""
        result.problems.append(
            Problem(shown, f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}{cut}")
        )
        return
    except RecursionError:
        result.problems.append(Problem(shown, "is nested too deeply to be a study record"))
        return
    if is_study(data):
        result.records.append(read_study(data, shown))
        return
    if isinstance(data, dict) and isinstance(data.get("studies"), list):
        studies, kind = data["studies"], "studies"
        if data.get("nextPageToken"):
            result.problems.append(
                Problem(
                    shown,
                    f"is one page of search results ({len(studies)} studies) and more pages follow "
                    "(nextPageToken); fetch and import the next pages too to get every study",
                    fatal=False,
                )
            )
    elif isinstance(data, list):
        studies, kind = data, "item"
    elif isinstance(data, dict) and ({"FullStudiesResponse", "StudyFieldsResponse"} & set(data)):
        result.problems.append(
            Problem(
                shown, "is in the retired ClinicalTrials.gov API v1 format; download it again as API v2 JSON"
            )
        )
        return
    else:
        keys = ", ".join(k[:40] for k in list(data)[:5]) if isinstance(data, dict) else type(data).__name__
        result.problems.append(
            Problem(
                shown,
                f"is not a ClinicalTrials.gov study (found {keys}); expected a study with protocolSection, "
                'a /studies page {"studies": [...]} or a JSON array of studies',
            )
        )
        return
    if not studies:
        result.problems.append(Problem(shown, "holds no studies", fatal=False))
    for i, study in enumerate(studies):
        where = f"{shown}: {kind}[{i}]"
        if not is_study(study):
            result.problems.append(Problem(where, "is not a study record (no protocolSection)"))
            continue
        result.records.append(read_study(study, f"{where} ({_nct(study) or 'no NCT number'})"))


def _integer(digits: str) -> int | float:
    """A JSON integer; one too long to be a registry value is read as a float (likely infinite)."""
    return int(digits) if len(digits) <= LONGEST_INTEGER else float(digits)


def _nct(study: dict) -> str | None:
    ident = study["protocolSection"].get("identificationModule")
    nct = ident.get("nctId") if isinstance(ident, dict) else None
    return nct[:40] if isinstance(nct, str) else None


def _read_xml(raw: bytes, result: FileRead) -> None:
    shown = result.shown
    try:
        root = etree.fromstring(raw, parser())
    except etree.XMLSyntaxError as exc:
        line = f" (line {exc.lineno})" if exc.lineno else ""
        result.problems.append(Problem(shown, f"is not valid XML: {exc.msg}{line}"))
        return
    if root.tag == "clinical_study":
        result.records.append(read_clinical_study(root, shown))
    elif root.tag == "rss":
        result.problems.append(
            Problem(
                shown, "is an RSS feed of search results, not a study record; download the studies themselves"
            )
        )
    else:
        result.problems.append(
            Problem(
                shown,
                f"is not a ClinicalTrials.gov study: its root element is <{root.tag}>, not <clinical_study>",
            )
        )


def _check_name(path: Path, result: FileRead) -> None:
    """A file named after one NCT number must hold that study (or an older id of it)."""
    named = {m.upper() for m in NCT_IN_NAME.findall(path.name)}
    if len(named) != 1 or len(result.records) != 1:
        return
    (name_id,) = named
    record = result.records[0]
    if not record.id or record.id == name_id:
        return
    if name_id in record.aliases:
        result.problems.append(
            Problem(
                result.shown,
                f"is named after {name_id}, an older id of {record.id}; imported as {record.id}",
                fatal=False,
            )
        )
        return
    result.records.clear()
    result.problems.append(
        Problem(
            result.shown,
            f"is mislabelled: its name says {name_id} but the record inside is {record.id}; not imported "
            f"(rename the file to {record.id}{path.suffix} to import {record.id}, or download {name_id} again)",
        )
    )
