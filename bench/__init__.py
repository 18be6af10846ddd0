"""Benchmark of the site build: synthetic exercise libraries against plain MkDocs + Material."""
