"""Developer tools that are not part of the report: the benchmark and scratch copies of the project."""
