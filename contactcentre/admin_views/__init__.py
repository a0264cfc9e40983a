"""The contact centre's queue in the Wagtail admin: listing, case page, actions, logging a contact.

The views read the request and call ``contactcentre.actions`` / ``contactcentre.services``;
who may see what is asked of ``contactcentre.access`` only.
"""
