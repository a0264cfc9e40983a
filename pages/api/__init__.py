"""The pages app's part of the JSON API: the content API and the opening hours."""

from ninja import Router

from pages.api.content import router as content_router
from pages.api.opening_hours import router as opening_hours_router

router = Router()
router.add_router("", content_router)
router.add_router("", opening_hours_router)
