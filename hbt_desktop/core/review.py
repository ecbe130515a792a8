"""The district's review of a ward's package, as rules: the verdict on each value, the
state a decision leaves the package in.

Each incoming value is compared with what the district holds now: ``new`` (the district
has none), ``changed`` (old → new, and the old one is what this ward last sent, or the
ward never sent one and the district had none), ``unchanged``, and ``conflict`` — the
district itself changed (or entered) the figure since the ward's last accepted file, so
taking the ward's figure would overwrite the district's work.

``store.review`` keeps the packages, reads the figures these rules compare, and applies
the decisions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from hbt_desktop.core.documents import DocumentSpec
from hbt_desktop.core.i18n import register, tr
from hbt_desktop.core.json_codec import dump_value
from hbt_desktop.core.periods import Period
from hbt_desktop.core.values import Value, same_value

register(
    {
        "review.state.pending": {"vi": "đang chờ xem xét", "en": "pending"},
        "review.state.accepted": {"vi": "đã chấp nhận", "en": "accepted"},
        "review.state.partly_accepted": {
            "vi": "chấp nhận một phần",
            "en": "partly accepted",
        },
        "review.state.rejected": {"vi": "đã từ chối", "en": "rejected"},
        "review.state.returned": {"vi": "đã trả lại", "en": "returned"},
        "review.state.rolled_back": {"vi": "đã hoàn tác", "en": "rolled back"},
    }
)


class Verdict(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"


class State(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    REJECTED = "rejected"
    RETURNED = "returned"
    ROLLED_BACK = "rolled_back"

    @property
    def label(self) -> str:
        return tr(f"review.state.{self.value}")


ItemKey = tuple[str, str, str]  # indicator, unit uid, period id


def item_key(value: Value) -> ItemKey:
    return (value.indicator, value.unit_uid, value.period.id)


def key_text(key: ItemKey) -> str:
    return " ".join(key)


@dataclass(frozen=True)
class ReviewItem:
    """One incoming value against what the district holds."""

    incoming: Value
    current: Value | None  # the district's figure now
    last_sent: Value | None  # this ward's figure as last accepted from a package
    verdict: Verdict
    decision: str | None = None  # "accepted" / "rejected" once decided
    reason: str = ""

    @property
    def key(self) -> ItemKey:
        return item_key(self.incoming)


@dataclass
class Review:
    """A received package, value by value. ``token`` changes whenever anything shown does,
    so a decision taken on an outdated screen can be refused."""

    import_id: int | None
    package_id: str
    sender_uid: str
    sequence: int
    created_at: datetime
    periods: tuple[Period, ...]
    state: State
    items: list[ReviewItem] = field(default_factory=list)
    documents: list[DocumentSpec] = field(default_factory=list)
    already_received: bool = False
    received_at: datetime | None = None
    reason: str = ""

    def count(self, verdict: Verdict) -> int:
        return sum(item.verdict is verdict for item in self.items)

    @property
    def token(self) -> str:
        digest = hashlib.sha256(self.package_id.encode())
        for item in self.items:
            digest.update(
                "|".join([*item.key, item.verdict.value, dump_value(item.current) or "-"]).encode()
            )
        return digest.hexdigest()[:16]


def verdict(incoming: Value, current: Value | None, last_sent: Value | None) -> Verdict:
    """The verdict on one incoming value, given the district's figure now (``current``) and
    the ward's figure as the district last accepted it from a package (``last_sent``)."""
    if current is not None and same_value(current, incoming):
        return Verdict.UNCHANGED
    if current is None and last_sent is None:
        return Verdict.NEW
    if current is not None and last_sent is not None and same_value(current, last_sent):
        return Verdict.CHANGED
    # The district holds something the ward did not send (or deleted what it sent): its
    # own work, not to be overwritten without a look.
    return Verdict.CONFLICT


def decided_state(items: int, rejected: int) -> State:
    """What a package becomes once decided: ``rejected`` of its ``items`` values refused."""
    if items and rejected >= items:
        return State.REJECTED
    return State.PARTLY_ACCEPTED if rejected else State.ACCEPTED
