"""Official list parsers: one module and one metadata YAML per source format."""
