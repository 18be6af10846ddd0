"""sitegen: builds the sciatica movement guide's Markdown pages from YAML data."""
