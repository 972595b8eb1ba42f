"""The first-run wizard: language, inspector profile, signing key, then demo data or a roster.

``start`` decides whether it is due and shows it; ``wizard`` is the wizard itself, loaded
only when it is shown (nothing is imported here, so asking at start-up stays cheap).
"""
