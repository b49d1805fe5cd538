"""Rule kinds: one module per family, one `Check` class per kind (see `base.py`)."""
