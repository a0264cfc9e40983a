"""Date formats where Django's own for a language do not suit the portal (``FORMAT_MODULE_PATH``).

Only what differs is set here; everything else comes from Django's module for the language.
"""
