"""Typed facts of a report, each with its scope and the exact span that states it.

A figure that matters has a scope: whose it is (the province, a district, a commune), for which
period, whether it is a total or one row of a table, and whether it is exact or a bound ("hơn
1.000"). Reading the scope once, at ingest, is what lets a question about one district or one
year get that figure and not a neighbour's, and lets figures of several reports be compared only
when comparable.
"""
from assistant.facts.extract import extract_facts
from assistant.facts.periods import find_periods
from assistant.facts.types import Fact, Period

__all__ = ["Fact", "Period", "extract_facts", "find_periods"]
