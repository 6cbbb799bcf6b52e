"""One study as read from a registry file, in the content model's field names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Fields an import writes; every other field of a trial file is the site owner's and is kept as written.
REGISTRY_FIELDS = (
    "id", "title", "official_title", "acronym", "registry_summary", "conditions", "mesh_conditions",
    "keywords", "study_type", "phases", "status", "registry_status", "other_ids", "status_verified",
    "last_updated", "start_date",
    "completion_date", "allocation", "masking", "who_masked", "arms", "interventions", "sponsor",
    "collaborators", "funder", "eligibility", "locations", "contacts",
)  # fmt: skip


@dataclass
class RegistryRecord:
    """A study read from one registry file.

    ``fields`` holds YAML-ready values under the content model's names; a field the record does
    not give is absent (an import then keeps what the trial file already has).
    """

    id: str | None
    source: str  # the file, and the study's place in it when the file holds several
    fields: dict[str, Any] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # what a complete record has and this one lacks
    notes: list[str] = field(default_factory=list)  # values left out because they were not understood
    aliases: tuple[str, ...] = ()  # older ids of the same study
    status_date: str | None = None  # when the registry last verified the status (or updated the record)
    secondhand: bool = False  # a copy (ICTRP's) of a record imported from its own registry: never overwrites

    @property
    def title(self) -> str | None:
        return self.fields.get("title")

    @property
    def status(self) -> str | None:
        return self.fields.get("status")
