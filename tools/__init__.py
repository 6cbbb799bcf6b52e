"""Tools for the project's own work (check-quality evaluation, documentation tables); not shipped."""
