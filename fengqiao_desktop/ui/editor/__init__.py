"""The inspection editor: a form rendered as keyboard-friendly rows, autosaved, with photos and findings.

``editor_widget.InspectionEditor`` is the editor; ``last_opened`` remembers the inspection open
last. Nothing is imported here: start-up asks ``last_opened`` without loading the editor.
"""
