"""The pure core: a checked catalog to {page path: Markdown}, with its templates and text helpers."""
