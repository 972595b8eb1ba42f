"""Whether the first-run wizard is due at start-up, and showing it then.

Every start asks, once the data is open; only the first start of an installation
shows it. The answer comes from the settings and the signing key's file, so the
wizard's module (and the signing code it needs) loads only when the wizard is
shown: on every other start the station tree is still loading meanwhile, and the
import would hold the GUI thread.

``needs_first_run`` keeps the wizard away from ``--self-check``,
``--quit-when-shown``, ``--screenshot`` and from any installation that has a
key or has finished the wizard before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fengqiao_desktop import config

if TYPE_CHECKING:
    from fengqiao_desktop.ui.firstrun.wizard import FirstRunWizard


def needs_first_run(store=None, args=None) -> bool:
    """True when this installation was never set up and the start-up is an ordinary one."""
    for flag in ("self_check", "quit_when_shown", "screenshot"):
        if args is not None and getattr(args, flag, None):
            return False
    if config.Settings.load().first_run_done:
        return False
    from fengqiao_desktop.services import identity as idn

    return not idn.keystore(store).exists()


def mark_done() -> None:
    settings = config.Settings.load()
    settings.first_run_done = True
    settings.save()


def maybe_show(window, args=None) -> FirstRunWizard | None:
    """Show the wizard over the main window if this installation was never set up."""
    store = getattr(window, "store", None)
    if not needs_first_run(store, args):
        return None
    from fengqiao_desktop.ui.firstrun.wizard import FirstRunWizard, apply_choice

    wizard = FirstRunWizard(store, window)
    wizard.accepted.connect(lambda: apply_choice(window, wizard))
    wizard.open()
    window.first_run_wizard = wizard
    return wizard
