"""The inspector's profile and signing key in the desktop: a dialog, a passphrase widget, a QR code."""

from fengqiao_desktop.ui.identity.dialog import ProfileKeyDialog, open_profile_dialog
from fengqiao_desktop.ui.identity.menu import install_profile_action
from fengqiao_desktop.ui.identity.passphrase import NewPassphraseWidget, strength

__all__ = ["NewPassphraseWidget", "ProfileKeyDialog", "install_profile_action", "open_profile_dialog", "strength"]
