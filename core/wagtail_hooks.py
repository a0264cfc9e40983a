from wagtail import hooks

from core import page_cache


@hooks.register("before_serve_page")
def allow_the_page_cache_for_pages(page, request, serve_args, serve_kwargs):
    """Only a Wagtail page is stored by the page cache (core/page_cache.py).

    A page with a view restriction never reaches the store without a query here: to a visitor
    without a session Wagtail answers it with a password form (a CSRF token) or a redirect to
    the login, and one who passed it has a session cookie (tests/pages/test_page_cache.py).
    """
    page_cache.mark_cacheable(request)
