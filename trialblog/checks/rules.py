"""The registry of rules: every finding names one, as ``family.name``."""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Severity

FAMILIES = ("privacy", "blinding", "integrity", "recruitment", "accessibility", "metadata")


@dataclass(frozen=True)
class Rule:
    """A rule's id, default severity, what it finds and how to fix it."""

    id: str
    severity: Severity
    summary: str
    hint: str

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


RULES: dict[str, Rule] = {}


def define(rule_id: str, severity: Severity, summary: str, hint: str) -> Rule:
    """Register a rule; ids are unique and start with a known family."""
    family = rule_id.split(".", 1)[0]
    if family not in FAMILIES or "." not in rule_id:
        raise ValueError(f"{rule_id!r}: rule ids are family.name, families: {', '.join(FAMILIES)}")
    if rule_id in RULES:
        raise ValueError(f"{rule_id!r} is defined twice")
    RULES[rule_id] = rule = Rule(rule_id, severity, summary, hint)
    return rule


def matching(pattern: str) -> list[Rule]:
    """Rules named by ``pattern``: an exact id, ``family.*`` or a bare family name."""
    name = pattern.strip()
    family = name[:-2] if name.endswith(".*") else name
    if family in FAMILIES:
        return [r for r in RULES.values() if r.family == family]
    return [RULES[name]] if name in RULES else []
