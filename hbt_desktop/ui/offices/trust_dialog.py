"""First contact with an office: compare its key's fingerprint before trusting its files.

The first file from a ward (or, at a ward, the district's first returned file) carries a
public key nobody here has seen. Anyone could have made that file; the only proof that it
comes from the office it names is that the office reads the same fingerprint from its
own screen, by telephone. Or the office's key file is brought by hand. From then on
every file must be signed by that key.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

CONFIRMED, KEY_FILE = 1, 2


class TrustDialog(QDialog):
    def __init__(self, parent: QWidget | None, unit: str, fingerprint: str) -> None:
        super().__init__(parent)
        self.key_file: Path | None = None
        self.setWindowTitle(self.tr("First file from {unit}").format(unit=unit))
        self.resize(620, 340)
        intro = QLabel(
            self.tr(
                "This is the first file received from {unit}. Before its figures are "
                "looked at, make sure it really comes from them: telephone {unit} and ask "
                "them to read the key fingerprint shown in their program (Exchange menu › "
                "This workstation's key). It must be exactly:"
            ).format(unit=unit)
        )
        intro.setWordWrap(True)
        self.fingerprint = QLabel(fingerprint)
        self.fingerprint.setObjectName("fingerprint")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(18)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        after = QLabel(
            self.tr(
                "If it differs, do not accept the file: it was not made by {unit}'s "
                "workstation. Instead of telephoning, you can also load the key file "
                "{unit} gave you."
            ).format(unit=unit)
        )
        after.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = QPushButton(self.tr("The fingerprint &matches"))
        self.file_button = QPushButton(self.tr("Load the &key file…"))
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.confirm_button.clicked.connect(lambda: self.done(CONFIRMED))
        self.file_button.clicked.connect(self._choose_file)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.fingerprint)
        layout.addSpacing(8)
        layout.addWidget(after)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The office's key file"), "", self.tr("Key files (*.key)")
        )
        if path:
            self.key_file = Path(path)
            self.done(KEY_FILE)
