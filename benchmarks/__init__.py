"""Benchmarks: a corpus generator and a runner comparing trialblog with plain Pelican (and Hugo)."""
