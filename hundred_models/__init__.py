"""Shared code for the Hundred-Model War report: paths, numeral parsing, data build, loading."""

__version__ = "0.1.0"
