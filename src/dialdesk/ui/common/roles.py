"""Role names as people read them, in their language."""

from PySide6.QtCore import QCoreApplication


def role_label(role: str) -> str:
    labels = {
        "operator": QCoreApplication.translate("Roles", "Operator"),
        "supervisor": QCoreApplication.translate("Roles", "Supervisor"),
        "marketer": QCoreApplication.translate("Roles", "Marketer"),
        "expert": QCoreApplication.translate("Roles", "Expert"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }
    return labels.get(role, role)
