"""The district's review of a ward's file, value by value, and the decision on it.

Nothing of the district's figures changes until the clerk decides: accept everything,
or everything but the values rejected with a reason; or send the whole file back to the
ward with a reason (the values rejected here go back with their reasons, shown on the
ward's cells). An accepted file can be rolled back as a whole, to the exact figures it
replaced. A decision taken on an outdated screen (the figures changed meanwhile) is
refused by the store; the review is then read again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hbt_desktop.core.errors import HbtError
from hbt_desktop.core.periods import format_period
from hbt_desktop.core.review import Review, State, Verdict
from hbt_desktop.store.review import review
from hbt_desktop.ui.errors import guarded
from hbt_desktop.ui.offices import common
from hbt_desktop.ui.offices.review_model import ReviewModel
from hbt_desktop.ui.session import Session

DONE_STYLE = "QLabel { color: #0f5132; background: #d1e7dd; padding: 4px; }"
REFUSED_STYLE = "QLabel { color: #842029; background: #f8d7da; padding: 4px; }"


class ReviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, session: Session, import_id: int) -> None:  # noqa: PLR0915 - lays out the dialog
        super().__init__(parent)
        self.session = session
        self.import_id = import_id
        self.review: Review | None = None
        self.setWindowTitle(self.tr("Review of a ward's figures"))
        self.resize(1180, 640)
        self.title = QLabel()
        self.title.setObjectName("title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.title.setFont(font)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.counts.setWordWrap(True)
        self.model = ReviewModel(session.source.catalogue)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((330, 120, 130, 190, 190)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.reject_button = QPushButton(self.tr("&Reject the chosen values…"))
        self.unreject_button = QPushButton(self.tr("&Take back the rejection"))
        self.reject_button.clicked.connect(self.reject_chosen)
        self.unreject_button.clicked.connect(self.take_back)
        row = QHBoxLayout()
        row.addWidget(self.reject_button)
        row.addWidget(self.unreject_button)
        row.addStretch(1)
        self.outcome = QLabel()
        self.outcome.setObjectName("result")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.accept_button = QPushButton(self.tr("&Accept"))
        self.return_button = QPushButton(self.tr("Return to the &ward…"))
        self.rollback_button = QPushButton(self.tr("R&oll back…"))
        buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.return_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.rollback_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.accept_button.clicked.connect(self.accept_values)
        self.return_button.clicked.connect(self.send_back)
        self.rollback_button.clicked.connect(self.roll_back)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self.reload()

    # -- showing -------------------------------------------------------------------------

    def reload(self) -> None:
        found = review(self.session.db, self.import_id)
        self.review = found
        self.model.show(found)
        unit = self._unit_name(found.sender_uid)
        self.title.setText(self.tr("Figures from {unit}").format(unit=unit))
        periods = ", ".join(format_period(p) for p in found.periods)
        self.info.setText(
            self.tr(
                "{periods} · file number {sequence}, made {created}, received {received} · {state}"
            ).format(
                periods=periods,
                sequence=found.sequence,
                created=common.when_text(found.created_at),
                received=common.when_text(found.received_at),
                state=found.state.label,
            )
            + (f" · {found.reason}" if found.reason else "")
        )
        text = self.tr(
            "{new} new, {changed} changed, {unchanged} unchanged, {conflict} in conflict with "
            "the district's own figures."
        ).format(
            new=found.count(Verdict.NEW),
            changed=found.count(Verdict.CHANGED),
            unchanged=found.count(Verdict.UNCHANGED),
            conflict=found.count(Verdict.CONFLICT),
        )
        if found.documents:
            photos = sum(len(d.photos) for d in found.documents)
            text += " " + self.tr(
                "With the ward's report text for {count} periods ({photos} photos); it is "
                "taken with the figures."
            ).format(count=len(found.documents), photos=photos)
        self.counts.setText(text)
        self._enable()

    def _unit_name(self, uid: str) -> str:
        try:
            return self.session.source.units.get(uid).full_name
        except HbtError:  # a unit no longer in the list: its code still identifies it
            return uid

    def _enable(self) -> None:
        state = self.review.state if self.review else None
        pending = state is State.PENDING and not self.session.readonly
        chosen = bool(self._chosen_keys())
        self.reject_button.setEnabled(pending and chosen)
        self.unreject_button.setEnabled(
            pending and any(k in self.model.rejected for k in self._chosen_keys())
        )
        self.accept_button.setEnabled(pending)
        self.return_button.setEnabled(pending)
        self.rollback_button.setEnabled(
            state in (State.ACCEPTED, State.PARTLY_ACCEPTED) and not self.session.readonly
        )
        rejected = len(self.model.rejected)
        self.accept_button.setText(
            self.tr("&Accept all but {count} rejected").format(count=rejected)
            if rejected
            else self.tr("&Accept all")
        )

    def _chosen_keys(self) -> list[tuple[str, str, str]]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.item(r).key for r in sorted(rows)]

    def _say(self, text: str, refused: bool = False) -> None:
        self.outcome.setStyleSheet(REFUSED_STYLE if refused else DONE_STYLE)
        self.outcome.setText(text)
        self.outcome.show()

    # -- deciding ------------------------------------------------------------------------

    def reject_chosen(self) -> None:
        keys = self._chosen_keys()
        if not keys:
            return
        reason = common.ask_reason(
            self,
            self.tr("Reject values"),
            self.tr(
                "Why are these {count} values rejected? The ward reads the reason on each of "
                "them if the file is returned."
            ).format(count=len(keys)),
        )
        if reason is None:
            return
        for key in keys:
            self.model.rejected[key] = reason
        self.model.layoutChanged.emit()
        self._enable()

    def take_back(self) -> None:
        for key in self._chosen_keys():
            self.model.rejected.pop(key, None)
        self.model.layoutChanged.emit()
        self._enable()

    def _refused(self, exc: HbtError) -> None:
        """The store said no (e.g. the figures changed since): read the review again."""
        self.reload()
        self._say(exc.message, refused=True)

    @guarded
    def accept_values(self) -> None:
        from hbt_desktop.store.review import decide

        assert self.review is not None
        try:
            decided = decide(
                self.session.db,
                self.import_id,
                user=self.session.user,
                reject=dict(self.model.rejected),
                token=self.review.token,
            )
        except HbtError as exc:
            self._refused(exc)
            return
        self.model.rejected.clear()
        self.session.figures_stored()
        self.reload()
        self._say(
            self.tr(
                "{state}: {written} figures stored, {rejected} rejected. The district's "
                "totals include them now."
            ).format(
                state=decided.state.label.capitalize(),
                written=decided.written,
                rejected=decided.rejected,
            )
        )

    @guarded
    def send_back(self) -> None:
        from hbt_desktop.exchange.offices import return_package

        assert self.review is not None
        reason = common.ask_reason(
            self,
            self.tr("Return the file to the ward"),
            self.tr(
                "Why is the file returned? The ward sees this reason, and the reasons of "
                "the values rejected here, on its figures."
            ),
        )
        if reason is None:
            return
        sender = self.session.source.units.get(self.review.sender_uid)
        periods = "-".join(p.id.replace("@", "-") for p in self.review.periods)
        suggested = f"tra-lai-{sender.code}-{periods}.hbt"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the returned file for the ward"),
            suggested,
            self.tr("hbt-desktop exchange files (*.hbt)"),
        )
        if not path:
            return
        target = Path(path) if path.endswith(".hbt") else Path(path + ".hbt")
        try:
            return_package(
                self.session.db,
                self.import_id,
                reason,
                target,
                user=self.session.user,
                notes=dict(self.model.rejected),
            )
        except HbtError as exc:
            self._refused(exc)
            return
        self.model.rejected.clear()
        self.reload()
        self._say(
            self.tr(
                "Returned. Give the file {path} to {unit} (USB stick or e-mail); its figures "
                "were not taken."
            ).format(path=target, unit=sender.full_name)
        )

    @guarded
    def roll_back(self) -> None:
        from hbt_desktop.store.review import rollback

        reason = common.ask_reason(
            self,
            self.tr("Roll back the accepted file"),
            self.tr(
                "Every figure this file changed goes back to what it was before it was "
                "accepted. Why?"
            ),
        )
        if reason is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Roll back the accepted file"),
            self.tr("Put back the figures as they were before this file was accepted?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            count = rollback(self.session.db, self.import_id, user=self.session.user, reason=reason)
        except HbtError as exc:
            self._refused(exc)
            return
        self.session.figures_stored()
        self.reload()
        self._say(self.tr("Rolled back: {count} figures are as they were.").format(count=count))
