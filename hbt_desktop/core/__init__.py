"""The domain: units, periods, indicators, values, derived figures, Vietnamese wording.

Pure Python. Nothing here imports Qt or speaks SQL (tests/test_architecture.py checks it),
so every rule can be used from a script or a test with no display and no database.
"""
