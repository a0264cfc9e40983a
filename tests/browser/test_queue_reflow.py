"""The queue at 1 400 px, at 200 % zoom and at 320 px: every column can be reached (WCAG 1.4.10, 1.4.4).

A column is reachable when it is on screen, or inside the table's own scroll region: a
labelled region (role, aria-label) that takes keyboard focus (tabindex=0), so it can be
scrolled without a mouse. The page itself never scrolls sideways.
"""

import pytest

from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_agent_round import log_in

# (name, viewport in CSS px, device scale): 1 400 px at 200 % zoom is 700 CSS px wide.
SCREENS = [
    ("1400px", {"width": 1400, "height": 900}, 1),
    ("1400px at 200 %", {"width": 700, "height": 450}, 2),
    ("320px", {"width": 320, "height": 640}, 1),
]

REACHABLE = """
() => {
    const width = window.innerWidth;
    const table = document.querySelector("main table.listing");
    const unreachable = [];
    for (const th of table.querySelectorAll("thead th")) {
        const box = th.getBoundingClientRect();
        const onScreen = box.left >= 0 && box.right <= width + 0.5;
        const region = th.closest("[role=region]");
        let scrollable = false;
        if (region) {
            const style = getComputedStyle(region);
            const regionBox = region.getBoundingClientRect();
            scrollable = region.getAttribute("tabindex") === "0"
                && (region.getAttribute("aria-label") || "").trim() !== ""
                && ["auto", "scroll"].includes(style.overflowX)
                && regionBox.left >= 0 && regionBox.right <= width + 0.5;
        }
        const label = (th.innerText || th.getAttribute("aria-label") || "?").trim();
        if (!onScreen && !scrollable) unreachable.push(label);
    }
    // The header's buttons (Next case, Log a contact, More with the exports) are all in view.
    const buttons = "header .w-header-button, header [data-w-dropdown-target=toggle]";
    const outOfView = el => {
        const box = el.getBoundingClientRect();
        return box.left < 0 || box.right > width + 0.5;
    };
    const headerCut = [...document.querySelectorAll(buttons)].filter(outOfView)
        .map(el => (el.innerText || el.getAttribute("aria-label") || "?").trim());
    return {
        unreachable,
        headerCut,
        columns: table.querySelectorAll("thead th").length,
        pageScrollsSideways: document.documentElement.scrollWidth > width + 0.5,
    };
}
"""


@pytest.mark.parametrize("name, viewport, scale", SCREENS, ids=[s[0] for s in SCREENS])
def test_every_queue_column_is_reachable(site, browser, name, viewport, scale):
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    try:
        log_in(page, site["url"], "agent")
        page.goto(site["url"] + "/admin/arenden/")
        found = page.evaluate(REACHABLE)
        page.screenshot(path=f"var/screenshots/queue-{viewport['width']}x{scale}.png")
        assert found["columns"] >= 10
        assert found["unreachable"] == [], f"{name}: columns out of reach: {found['unreachable']}"
        assert not found["pageScrollsSideways"], f"{name}: the page scrolls sideways"
        assert found["headerCut"] == [], f"{name}: header buttons out of view: {found['headerCut']}"

        region = page.locator("main [role=region]:has(table.listing)")
        if region.count():
            # By keyboard alone: focus the region and scroll it to its last column.
            region.focus()
            before = region.evaluate("el => el.scrollLeft")
            overflowing = region.evaluate("el => el.scrollWidth > el.clientWidth")
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowRight")
            if overflowing:
                # Chromium scrolls smoothly: wait for it to move.
                moved = f"() => document.querySelector('main [role=region]').scrollLeft > {before}"
                page.wait_for_function(moved, timeout=5000)
        assert_no_axe_violations(page, f"queue at {name}")
    finally:
        context.close()
