"""Built-site tests: each builds the site with MkDocs, and uses no browser."""
