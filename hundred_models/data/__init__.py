"""Data layer: read, validate and build the clean tables. Imports nothing from the report or site layers."""
