"""One module per chapter: everything a chapter computes, as one call.

Each module's :func:`summary` returns a :class:`~hundred_models.report.notebook.Chapter`: the tables
the chapter shows, the numbers it glues into its prose and its closing key-figures table. The
notebook calls it and shows what it returns, so what a chapter says is tested here, not retyped there.
"""
