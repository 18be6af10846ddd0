"""Writing the Markdown, printing sheets to PDF, the offline zip and the build's timestamp."""
