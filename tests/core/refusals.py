"""Asserting a deliberate refusal: the error's message key, not its wording."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hbt_desktop.core.errors import InputError


def refused(key: str, call: Callable[[], object]) -> InputError:
    """Run ``call``, which must raise :class:`InputError` with ``key``; return the error."""
    with pytest.raises(InputError) as info:
        call()
    assert info.value.key == key, info.value.message
    return info.value
