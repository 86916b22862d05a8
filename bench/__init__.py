"""The benchmark: what streaming costs, measured against the fake server; see README.md."""
