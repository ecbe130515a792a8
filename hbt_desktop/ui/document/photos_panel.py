"""Photos of a section with their captions: add, reorder, remove, caption.

An added picture is read into memory and stored in the database with the document, so
the data file stays self-contained — the bulletin prints the same on another PC, and a
picture moved or deleted on disk is not lost. Only JPEG and PNG are accepted
(``core.documents.sniff_image``), which reportlab prints reliably.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.documents import DocumentSpec, PhotoSpec, sniff_image
from hbt_desktop.core.text import clean
from hbt_desktop.ui.errors import guarded

THUMB = QSize(96, 64)


class PhotosPanel(QWidget):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.doc: DocumentSpec | None = None
        self.section: int | None = None
        self.list = QListWidget()
        self.list.setIconSize(THUMB)
        self.list.setMaximumHeight(110)
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("Caption of the selected photo"))
        self.add_button = QPushButton(self.tr("Add photo…"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.remove_button = QPushButton(self.tr("Remove photo"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Photos of this section"))
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        caption_label = QLabel(self.tr("Capt&ion"))
        caption_label.setBuddy(self.caption)
        layout.addWidget(caption_label)
        layout.addWidget(self.caption)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_photo)
        self.up_button.clicked.connect(lambda: self.move_photo(-1))
        self.down_button.clicked.connect(lambda: self.move_photo(1))
        self.remove_button.clicked.connect(self.remove)
        self.list.currentRowChanged.connect(self._selected)
        self.caption.textEdited.connect(self._caption_edited)

    def mine(self) -> list[PhotoSpec]:
        if self.doc is None:
            return []
        return [p for p in self.doc.photos if p.section_position == self.section]

    def show_section(self, doc: DocumentSpec | None, section: int | None) -> None:
        self.doc, self.section = doc, section
        self.refill()

    def refill(self, select: int = 0) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for photo in self.mine():
            pixmap = QPixmap()
            pixmap.loadFromData(photo.image)
            item = QListWidgetItem(
                QIcon(pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)), photo.caption
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(min(select, self.list.count() - 1))
        self._selected(self.list.currentRow())

    def _selected(self, row: int) -> None:
        photos = self.mine()
        has = 0 <= row < len(photos)
        self.caption.setEnabled(has)
        self.caption.setText(photos[row].caption if has else "")
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(has)

    def _caption_edited(self, text: str) -> None:
        row = self.list.currentRow()
        photos = self.mine()
        if 0 <= row < len(photos):
            photos[row].caption = clean(text)
            item = self.list.item(row)
            if item is not None:
                item.setText(photos[row].caption)
            self.changed.emit()

    @guarded
    def add_photo(self) -> None:
        if self.doc is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo"), "", self.tr("Pictures (*.jpg *.jpeg *.png)")
        )
        if path:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> None:
        assert self.doc is not None
        data = path.read_bytes()
        mime = sniff_image(data)  # refuses anything but JPEG/PNG, with the clerk's sentence
        photo = PhotoSpec(
            caption=path.stem.replace("-", " ").replace("_", " "),
            image=data,
            mime=mime,
            sha256=hashlib.sha256(data).hexdigest(),
            section_position=self.section,
        )
        self.doc.photos.append(photo)
        self.refill(len(self.mine()) - 1)
        self.caption.setFocus()
        self.caption.selectAll()
        self.changed.emit()

    def move_photo(self, step: int) -> None:
        if self.doc is None:
            return
        photos = self.mine()
        row = self.list.currentRow()
        target = row + step
        if not (0 <= row < len(photos) and 0 <= target < len(photos)):
            return
        all_photos = self.doc.photos
        a, b = all_photos.index(photos[row]), all_photos.index(photos[target])
        all_photos[a], all_photos[b] = all_photos[b], all_photos[a]
        self.refill(target)
        self.changed.emit()

    def remove(self) -> None:
        if self.doc is None:
            return
        photos = self.mine()
        row = self.list.currentRow()
        if 0 <= row < len(photos):
            answer = QMessageBox.question(
                self,
                self.tr("Remove photo"),
                self.tr("Remove the photo «{caption}» from the document?").format(
                    caption=photos[row].caption
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.doc.photos.remove(photos[row])
            self.refill(row)
            self.changed.emit()
