#!/bin/sh
# Refresh the Vietnamese translation after changing interface strings, then compile it.
#   1. collect the strings of hbt_desktop/ui into hbt_desktop_vi.ts (existing
#      translations are kept; new strings are marked "unfinished");
#   2. translate the new strings (Qt Linguist: .venv/bin/pyside6-linguist, or by hand);
#   3. compile the .qm that the program loads (committed, so a fresh clone needs no step).
# tests/ui/test_translations.py fails while any string is unfinished.
set -eu
cd "$(dirname "$0")/../.."
BIN=.venv/bin
$BIN/pyside6-lupdate $(find hbt_desktop/ui -name '*.py' | sort) \
    -ts resources/i18n/hbt_desktop_vi.ts -no-obsolete -locations relative
$BIN/pyside6-lrelease resources/i18n/hbt_desktop_vi.ts -qm resources/i18n/hbt_desktop_vi.qm
