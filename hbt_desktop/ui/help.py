"""Help menu: the Vietnamese user guide, the About box, and the settings dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop import __version__
from hbt_desktop.core.resources import resource_path, resources_dir
from hbt_desktop.store.file.connection import schema_state
from hbt_desktop.store.file.migrations import SCHEMA_VERSION
from hbt_desktop.ui.session import Session

GUIDE = "huong-dan-su-dung.md"


def guide_path() -> Path | None:
    """The guide shipped in resources (wheel, frozen) or the checkout's docs/ folder."""
    for candidate in (resource_path("docs", GUIDE), resources_dir().parent / "docs" / GUIDE):
        if candidate.is_file():
            return candidate
    return None


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.resize(820, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        if path is None:
            self.browser.setPlainText(
                self.tr("The user guide file is missing from this installation.")
            )
        else:
            # The guide's pictures (images/…) are found beside it.
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def about_text(session: Session) -> str:
    version, _ = schema_state(session.db)
    text = QCoreApplication.translate(
        "About",
        "<p><b>hbt-desktop</b> {version}</p>"
        "<p>Figures, bulletins and Decree 30 reports of the district and its wards, offline.</p>"
        "<p>Data file: {path}<br>Database schema version: {schema} "
        "(this program knows up to {known})</p>",
    )
    return text.format(
        version=__version__, path=session.db_path, schema=version, known=SCHEMA_VERSION
    )


def show_about(parent: QWidget | None, session: Session) -> None:
    title = QCoreApplication.translate("About", "About hbt-desktop")
    QMessageBox.about(parent, title, about_text(session))


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, language: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        form = QFormLayout()
        form.addRow(self.tr("&Language of the interface"), self.language)
        note = QLabel(self.tr("Figures and documents are always written in Vietnamese."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen_language(self) -> str:
        return str(self.language.currentData())
