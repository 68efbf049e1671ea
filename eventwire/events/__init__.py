"""Events stage: PLOVER-coded events with source, target and evidence."""
from eventwire.events.stage import EventStage

__all__ = ["EventStage"]
