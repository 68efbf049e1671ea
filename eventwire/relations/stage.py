"""Relations stage (placeholder while the finder is written)."""
from __future__ import annotations

from eventwire.analysis import Analysis
from eventwire.settings import Settings


class RelationStage:
    name = "relations"
    requires = ("doc",)
    assigns = ("record.relations",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, an: Analysis) -> None:
        return None
