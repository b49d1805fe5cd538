"""Renderers of a `Result`: rich console (default), JSON, SARIF, GitHub annotations."""
