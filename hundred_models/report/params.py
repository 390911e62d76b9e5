"""Notebook parameters, checked once, the same way for papermill, the rerun command and the book.

papermill passes ``-p start_year abc`` through as a string and a misspelt name only warns;
left alone, either fails much later as a confusing TypeError or is silently ignored. Every
notebook's second cell calls :func:`notebook_params`, and the rerun command calls
:func:`validate` before any notebook starts, so a bad value stops at once with one line that
names the parameter and what it accepts.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..data import paths

LANGS = ("en", "zh")
#: Years the data can speak for: the Transformer (2017) to the end of Epoch AI's table (2025); Epoch starts in 1950.
EARLIEST_YEAR, LATEST_YEAR = 1950, 2025
DEFAULTS = {"lang": "en", "start_year": 2017, "end_year": 2025, "data_dir": None, "fig_dir": None}
NAMES = tuple(DEFAULTS)


class ParameterError(ValueError):
    """A notebook parameter with a value it cannot take; the message names it and the allowed values."""


@dataclass(frozen=True)
class Params:
    lang: str
    start_year: int
    end_year: int
    data_dir: Path
    fig_dir: Path

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


def _year(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise ParameterError(f"{name} must be an int between {EARLIEST_YEAR} and {LATEST_YEAR}, got {value!r}")
    if not EARLIEST_YEAR <= value <= LATEST_YEAR:
        raise ParameterError(f"{name} must be an int between {EARLIEST_YEAR} and {LATEST_YEAR}, got {value!r}")
    return value


def _folder(name: str, value, default: Path, must_exist: bool) -> Path:
    if value is None or value == "":
        return default
    if not isinstance(value, (str, Path)):
        raise ParameterError(f"{name} must be a folder path (text), got {value!r}")
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = (Path.cwd() / path).resolve()
    if must_exist and not (path / "datapackage.json").is_file():
        raise ParameterError(f"{name} must be a folder built by `python -m hundred_models build-data` "
                             f"(with datapackage.json), got {str(value)!r}")
    return path


def require(found: int, needed: int, what: str, p: Params, span: str = "") -> None:
    """Stop a chapter whose window cannot support a statistic, naming the parameters (not a 'nan' in the prose)."""
    if found < needed:
        raise ParameterError(f"start_year/end_year: {p.start_year}-{p.end_year} holds {found} {what}; at least {needed} "
                             f"{'is' if needed == 1 else 'are'} needed" + (f" ({span})" if span else ""))


def validate(values: dict | None = None, **kwargs) -> Params:
    """Check every parameter; unknown names are errors too (papermill would only warn)."""
    given = {**(values or {}), **kwargs}
    unknown = sorted(set(given) - set(NAMES))
    if unknown:
        raise ParameterError(f"unknown parameter {unknown[0]!r}; the notebooks take {', '.join(NAMES)}")
    merged = {**DEFAULTS, **given}
    lang = merged["lang"]
    if lang not in LANGS:
        raise ParameterError(f"lang must be one of {', '.join(repr(x) for x in LANGS)}, got {lang!r}")
    start, end = _year("start_year", merged["start_year"]), _year("end_year", merged["end_year"])
    if start > end:
        raise ParameterError(f"start_year ({start}) must not be after end_year ({end})")
    data_dir = _folder("data_dir", merged["data_dir"], paths.CLEAN_DIR, must_exist=True)
    fig_dir = _folder("fig_dir", merged["fig_dir"], paths.FIGURES_DIR, must_exist=False)
    return Params(lang, start, end, data_dir, fig_dir)


def notebook_params(**values) -> Params:
    """What a notebook's validation cell calls with its parameters cell's variables."""
    return validate(values)
