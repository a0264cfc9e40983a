"""Demo content for Exempelkommun, built by ``manage.py seed_demo``.

``content`` and ``services`` hold the Swedish texts as data, ``pdfs`` draws the
blanketter, and ``builder`` creates whatever is missing.
"""
