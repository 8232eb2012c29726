"""Files for tests: the smallest content `core.uploads` accepts as each type."""

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
