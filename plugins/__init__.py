"""trialblog's Pelican plugins: each sub-package has one ``register()``."""
