from wagtail import hooks

from core import page_cache


@hooks.register("before_serve_page")
def allow_the_page_cache_for_public_pages(page, request, serve_args, serve_kwargs):
    """Only a Wagtail page anyone may see is stored by the page cache (core/page_cache.py)."""
    if not page.get_view_restrictions().exists():
        page_cache.mark_cacheable(request)
