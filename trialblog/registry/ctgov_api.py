"""A polite client of the ClinicalTrials.gov API v2 ``/studies`` endpoint: every page, retried with backoff."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl

import requests

from .. import __version__

API_URL = "https://clinicaltrials.gov/api/v2"
PAGE_SIZE = 100
IDS_PER_REQUEST = 100  # filter.ids travels in the URL: keep it well under common URL limits
RETRY_STATUSES = {429, 500, 502, 503, 504}
# Parameters the client sets itself; a query that sets them would break the paging.
OWN = {"pageToken", "format", "countTotal"}


class SyncError(Exception):
    """A page could not be fetched or read; the message names the page."""


@dataclass(frozen=True)
class Page:
    """One page of studies, as the API returned it."""

    query: str
    number: int  # from 1
    studies: list[dict]
    total: int | None  # studies the whole query returns, when the API said (first page only)
    url: str


def query_params(query: str) -> list[tuple[str, str]]:
    """The API's own query string (``query.cond=lupus&filter.overallStatus=RECRUITING``) as parameters."""
    text = query.strip().lstrip("?")
    params = parse_qsl(text, keep_blank_values=True, strict_parsing=False)
    if not params or any("=" not in part for part in text.split("&") if part):
        raise SyncError(f"{query!r} is not a query string of the API (name=value pairs joined by &)")
    clash = sorted({name for name, _ in params} & OWN)
    if clash:
        raise SyncError(f"{query!r} sets {', '.join(clash)}, which trialblog sets itself; leave it out")
    return params


class Client:
    """Fetches pages one request at a time, pausing between them, retrying what may pass."""

    def __init__(
        self,
        api_url: str = API_URL,
        *,
        pause: float = 1.0,
        retries: int = 4,
        backoff: float = 2.0,
        timeout: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
        session: requests.Session | None = None,
    ):
        self.url = api_url.rstrip("/") + "/studies"
        self.pause, self.retries, self.backoff, self.timeout = pause, retries, backoff, timeout
        self.sleep = sleep
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = f"trialblog/{__version__} (directory sync)"
        self._requested = False

    def pages(self, query: str, page_size: int = PAGE_SIZE) -> Iterator[Page]:
        """Every page of ``query``, following ``nextPageToken`` to the end."""
        params = query_params(query)
        if not any(name == "pageSize" for name, _ in params):
            params.append(("pageSize", str(page_size)))
        yield from self._pages(query, params)

    def by_ids(self, ids: Sequence[str]) -> Iterator[Page]:
        """The studies with NCT numbers ``ids`` (in batches), whatever their status."""
        for start in range(0, len(ids), IDS_PER_REQUEST):
            batch = list(ids[start : start + IDS_PER_REQUEST])
            query = f"filter.ids={','.join(batch)}"
            yield from self._pages(query, [("filter.ids", ",".join(batch)), ("pageSize", str(len(batch)))])

    def _pages(self, query: str, params: list[tuple[str, str]]) -> Iterator[Page]:
        token: str | None = None
        number = 0
        while True:
            number += 1
            asked = [*params, ("format", "json")]
            asked += [("pageToken", token)] if token else [("countTotal", "true")]
            data, url = self._get(asked, f"page {number} of {query!r}")
            studies = data.get("studies")
            if not isinstance(studies, list):
                raise SyncError(f"page {number} of {query!r} ({url}) has no list of studies")
            total = data.get("totalCount")
            yield Page(query, number, studies, total if isinstance(total, int) else None, url)
            token = data.get("nextPageToken")
            if not token:
                return

    def _get(self, params: list[tuple[str, str]], what: str) -> tuple[dict, str]:
        """The JSON of one request, retried on 429, 5xx and network errors with growing pauses."""
        url = self.url
        for attempt in range(self.retries + 1):
            if self._requested and self.pause and not attempt:
                self.sleep(self.pause)
            self._requested = True
            wait = self.backoff * 2**attempt
            try:
                answer = self.session.get(self.url, params=params, timeout=self.timeout)
                url = answer.url or url
            except (requests.ConnectionError, requests.Timeout) as exc:
                problem = f"the network failed ({type(exc).__name__})"
            else:
                if answer.status_code == 200:
                    try:
                        data = answer.json()
                    except ValueError:
                        raise SyncError(f"{what} ({url}) is not JSON") from None
                    if not isinstance(data, dict):
                        raise SyncError(f"{what} ({url}) is not a page of studies")
                    return data, url
                problem = f"the API answered {answer.status_code} {answer.reason or ''}".rstrip()
                if answer.status_code not in RETRY_STATUSES:
                    raise SyncError(f"{what} ({url}): {problem}{_said(answer)}")
                wait = max(wait, _retry_after(answer))
            if attempt < self.retries:
                self.sleep(wait)
        raise SyncError(f"{what} ({url}): {problem} after {self.retries + 1} tries")


def _retry_after(answer: requests.Response) -> float:
    """Seconds the server asked us to wait (``Retry-After``), at most five minutes."""
    value = answer.headers.get("Retry-After", "")
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return 0.0
    return min(max(seconds, 0.0), 300.0)


def _said(answer: requests.Response) -> str:
    """The start of the API's own explanation, when it gives one."""
    text = " ".join(answer.text.split())[:200] if answer.text else ""
    return f" ({text})" if text else ""
