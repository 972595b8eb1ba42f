"""Fengqiao Desktop: offline inspections of veterans' service centers and stations."""

__version__ = "0.1.0"
