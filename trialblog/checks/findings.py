"""What a check reports: a rule, its severity, and a place in one content file."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem at ``path:line:column`` (path relative to the site, line and column 1-based)."""

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    hint: str = ""
    silenced: str | None = None  # the stated reason, when an ignore comment or header applies
    registry: bool = False  # in a registry's own text (a field an import wrote): never an error

    @property
    def family(self) -> str:
        return self.rule.split(".", 1)[0]

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def silence(self, reason: str) -> Finding:
        return replace(self, silenced=reason)

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        if self.silenced is None:
            del data["silenced"]
        if not self.registry:
            del data["registry"]
        return data
