"""One exception type for bad input, so every failure reads the same way."""
from __future__ import annotations


class DataError(ValueError):
    """Bad input data: the message names the file, the row and the column.

    ``row`` is the 1-based data row (the header is row 0), which is also the
    line number minus one for files without embedded newlines.
    """

    def __init__(self, file: str, message: str, row: int | None = None, column: str | None = None):
        self.file, self.row, self.column, self.detail = str(file), row, column, message
        where = self.file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        # Raised in a worker process (chart exports, page runs), it must arrive whole: the default pickling would call
        # __init__ with the one formatted message, fail, and leave only "a process in the pool terminated abruptly".
        return self.__class__, (self.file, self.detail, self.row, self.column)


class NumeralError(ValueError):
    """A figure that cannot be read as a number or date; the message quotes it."""
