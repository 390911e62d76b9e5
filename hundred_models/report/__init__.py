"""Report layer: load the clean tables, analyse them, one summary per chapter, house style and charts.

Imports the data layer, never the site layer."""
