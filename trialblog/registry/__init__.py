"""Registry records: reading ClinicalTrials.gov and WHO ICTRP trials, writing trial YAML, the directory's rules.

Data flows one way: a registry file (:mod:`.sources`, :mod:`.ictrp`) or the API (:mod:`.sync`,
:mod:`.ctgov_api`) gives :class:`RegistryRecord` objects, merged into
``content/trials/<slug>.yaml`` without losing what the site owner wrote (:mod:`.importer`,
:mod:`.yamlfile`); the site is then loaded by :mod:`trialblog.content.trials` like any other,
and :mod:`.listing` (with :mod:`.conditions`, :mod:`.countries`, :mod:`.sites`) and :mod:`.feed`
turn the model into directory pages and recruiting feeds.
"""

from .record import RegistryRecord

__all__ = ["RegistryRecord"]
