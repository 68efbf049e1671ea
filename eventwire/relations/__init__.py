"""Relations stage: who backs, opposes, is allied with or a member of whom."""
from eventwire.relations.stage import RelationStage

__all__ = ["RelationStage"]
