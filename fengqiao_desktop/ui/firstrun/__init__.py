"""The first-run wizard: language, inspector profile, signing key, then demo data or a roster."""

from fengqiao_desktop.ui.firstrun.wizard import FirstRunWizard, maybe_show, needs_first_run

__all__ = ["FirstRunWizard", "maybe_show", "needs_first_run"]
