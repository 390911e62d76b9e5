"""A faster, identical, step of adjustText's label placement.

adjustText 1.4.0 finds which labels overlap which points to avoid by comparing every pair found
overlapping along x with every pair found overlapping along y (``(y[:, None] == x).all(-1)``):
quadratic in the number of pairs. A chart that keeps labels off its lines passes hundreds of points,
and a thousand iterations of that took 17–25 s for one chart, in every build and test that draws it.
The same pairs, in the same order, come from a set membership test on the pairs as integers, so the
placement, and therefore every saved figure, stays byte for byte the same (``tests/test_analysis``
checks the two functions agree).

This replaces a module-level function of adjustText, the only way in; :func:`apply` refuses any
other version rather than guess, so an upgrade fails loudly and this file is reviewed with it.
"""
from __future__ import annotations

import numpy as np

PATCHED_VERSION = "1.4.0"


class AdjustTextChanged(RuntimeError):
    """adjustText is not the version whose internals this patch was written against."""


def get_shifts_extra(coords, extra_coords):
    """adjustText's ``get_shifts_extra`` with the pair matching done by ``np.isin`` instead of a broadcast."""
    from adjustText.arrops import overlap_intervals

    n = coords.shape[0]
    xoverlaps = overlap_intervals(coords[:, 0], coords[:, 1], extra_coords[:, 0], extra_coords[:, 1])
    yoverlaps = overlap_intervals(coords[:, 2], coords[:, 3], extra_coords[:, 2], extra_coords[:, 3])
    width = np.int64(extra_coords.shape[0]) + 1
    both = np.isin(yoverlaps[:, 0].astype(np.int64) * width + yoverlaps[:, 1],
                   xoverlaps[:, 0].astype(np.int64) * width + xoverlaps[:, 1]) if len(yoverlaps) else np.zeros(0, bool)
    overlaps = yoverlaps[both]
    if len(overlaps) == 0:
        return np.zeros(n), np.zeros(n)
    diff_x = coords[overlaps[:, 0], :2] - extra_coords[overlaps[:, 1], -3::-1]
    diff_y = coords[overlaps[:, 0], 2:] - extra_coords[overlaps[:, 1], -1:-3:-1]
    xshifts = np.where(np.abs(diff_x[:, 0]) < np.abs(diff_x[:, 1]), diff_x[:, 0], diff_x[:, 1])
    yshifts = np.where(np.abs(diff_y[:, 0]) < np.abs(diff_y[:, 1]), diff_y[:, 0], diff_y[:, 1])
    return np.bincount(overlaps[:, 0], xshifts, minlength=n), np.bincount(overlaps[:, 0], yshifts, minlength=n)


def apply() -> None:
    """Install the faster step into adjustText (idempotent); an error for any version but the one it was written for."""
    import adjustText

    if adjustText.__version__ != PATCHED_VERSION or not callable(getattr(adjustText, "get_shifts_extra", None)):
        raise AdjustTextChanged(
            f"adjustText {adjustText.__version__} is installed, but hundred_models/report/charts/label_speed.py replaces "
            f"a function of version {PATCHED_VERSION}: check that its get_shifts_extra still computes the same thing, "
            "then update PATCHED_VERSION (or remove the patch)")
    if adjustText.get_shifts_extra is not get_shifts_extra:
        adjustText.original_get_shifts_extra = adjustText.get_shifts_extra
        adjustText.get_shifts_extra = get_shifts_extra
