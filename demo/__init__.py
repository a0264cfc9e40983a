"""The demo municipality, Exempelkommun: data files and the builder that loads them.

``manage.py seed_demo`` builds it. ``data/`` holds the content (YAML, Markdown bodies);
``content`` reads it, ``builder`` creates whatever is missing, ``eservices``, ``cases`` and
``search_misses`` add the other apps' demo data, ``blanketter`` draws the PDF forms.
Installed by the dev and test settings only, never in production (docs/decisions/0006).
"""
