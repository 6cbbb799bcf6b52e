"""Registry records: reading ClinicalTrials.gov studies, writing trial YAML, the directory's rules.

Data flows one way: a registry file is read into :class:`RegistryRecord` objects
(:mod:`.sources`), merged into ``content/trials/<slug>.yaml`` without losing what the site owner
wrote (:mod:`.importer`, :mod:`.yamlfile`); the site is then loaded by :mod:`trialblog.content.trials`
like any other, and :mod:`.listing` and :mod:`.feed` turn the model into directory pages and
recruiting feeds.
"""

from .record import RegistryRecord

__all__ = ["RegistryRecord"]
