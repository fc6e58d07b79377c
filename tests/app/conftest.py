import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def private_settings(tmp_path):
    """Keep every QSettings the app opens in a test out of the user's own settings."""
    for settings_format in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "user"))
        QSettings.setPath(settings_format, QSettings.Scope.SystemScope, str(tmp_path / "system"))
    return tmp_path
