"""Decision 766/QĐ-TTg: the real-time service-quality index of an agency, from a point table
kept as data per year (vn-rules decision 8)."""
