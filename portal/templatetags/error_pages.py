"""Tags for the error pages: nothing here may need the database to be up."""

from django import template

from portal.errors import contact_details, home_url

register = template.Library()


@register.simple_tag(takes_context=True)
def error_page_contact(context):
    """The municipality's name and phone, or a fallback when its settings cannot be read."""
    return contact_details(context.get("request"))


@register.simple_tag
def error_page_home_url():
    """The home page in the language being shown, without asking Wagtail for it."""
    return home_url()
