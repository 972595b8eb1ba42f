"""The Bureau workspace: bundle import, trust store, coverage, conflicts."""
