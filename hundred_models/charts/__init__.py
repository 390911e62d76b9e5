"""The report's charts, one module per chapter; importing this package registers them all."""
from . import compute, history, players, policy, vertical  # noqa: F401
