"""Bounds of the numbers a client may send, shared by every list and schema: anything larger
reaches SQL as an integer the database cannot hold (SQLite and PostgreSQL stop at 2**63) and
answered a 500."""

MAX_OFFSET = 1_000_000_000
MAX_OFFSET_TEXT = "tối đa 1.000.000.000"
