"""Source data: the models, reading YAML with positions, loading every file, problems, JSON Schemas."""
