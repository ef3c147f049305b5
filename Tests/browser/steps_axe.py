"""Accessibility as a test: axe-core and a touch-target check on every page, for every role, phone and desktop.

axe-core comes from the `axe-selenium-python` wheel that script/bootstrap unpacks into .testdata/axe/ (test tooling,
never served). It is injected with Selenium's execute_script, which the page's Content-Security-Policy does not
govern, so the pages are checked exactly as served. Target size is checked here rather than by axe: the bundled
axe (3.1) predates its target-size rule. Pages that take an id (a segment, a customer, a run, a hand-off) are
reached by following the first such link on their list page, so the test needs no knowledge of seeded ids.
"""

import json
import os

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

AXE_SCRIPT = os.path.join(os.path.dirname(__file__), "..", "..", ".testdata", "axe", "axe.min.js")
PHONE = (390, 844)
DESKTOP = (1366, 900)
MINIMUM_TARGET_PX = 24  # WCAG 2.2 success criterion 2.5.8, target size (minimum)

# Controls a finger or pointer aims at. Links inside running text are exempt (WCAG 2.5.8's "inline" exception):
# they are recognised by being display:inline inside a paragraph, list item, table cell or definition.
TARGETS_SCRIPT = """
const minimum = arguments[0];
const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]';
const inText = (element) => getComputedStyle(element).display === 'inline'
    && element.closest('p, li, td, dd, figcaption, .text') !== null;
return Array.from(document.querySelectorAll(selector))
  .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
  .filter((element) => !(element.tagName === 'A' && inText(element)))
  .map((element) => ({element, box: element.getBoundingClientRect()}))
  .filter(({box}) => box.width < minimum - 0.5 || box.height < minimum - 0.5)
  .map(({element, box}) => `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}`
       + `${element.name ? '[name=' + element.name + ']' : ''} ${Math.round(box.width)}x${Math.round(box.height)}`
       + ` "${(element.textContent || element.value || '').trim().slice(0, 30)}"`);
"""

RUN_AXE_SCRIPT = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}, (error, results) => {
  if (error) { done({error: String(error)}); return; }
  done({violations: results.violations.map((violation) => ({
    id: violation.id, impact: violation.impact,
    nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
  }))});
});
"""


def axe_source():
    if not os.path.isfile(AXE_SCRIPT):
        raise AssertionError(f"{os.path.normpath(AXE_SCRIPT)} is missing: run script/bootstrap")
    with open(AXE_SCRIPT, encoding="utf-8") as handle:
        return handle.read()


def page_problems(driver, source):
    """axe violations and undersized targets on the page as it is now, each as one readable line."""
    if driver.execute_script("return typeof window.axe === 'undefined';"):
        driver.execute_script(source)
    # From the top: axe 3.1 reads a colour contrast from the elements painted at a point, and for an element
    # scrolled far out of view (a long page after a resize) it finds the wrong background, a false violation.
    driver.execute_script("window.scrollTo(0, 0);")
    driver.set_script_timeout(60)
    result = driver.execute_async_script(RUN_AXE_SCRIPT)
    if "error" in result:
        raise AssertionError(f"axe failed to run: {result['error']}")
    problems = [f"axe {v['id']} ({v['impact']}): {', '.join(v['nodes'])}" for v in result["violations"]]
    problems += [f"target under {MINIMUM_TARGET_PX}px: {line}"
                 for line in driver.execute_script(TARGETS_SCRIPT, MINIMUM_TARGET_PX)]
    # Nothing may make the page scroll sideways (WCAG 1.4.10, reflow): a header with more links than a phone's width
    # once pushed its last links off screen.
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
    if overflow > 1:
        problems.append(f"the page scrolls sideways by {overflow}px")
    return problems


def sign_in(flow, email, password):
    """Logs in as anyone (staff land on different pages than shoppers, so no landing page is assumed)."""
    flow.open("/login")
    flow.wait(EC.visibility_of_element_located((By.ID, "login-form")), "no login form")
    flow.fill("email", email)
    flow.fill("password", password)
    flow.driver.find_element(By.ID, "login-submit").click()
    flow.wait(EC.presence_of_element_located((By.ID, "logout")), f"{email} could not log in")


def sign_out(flow):
    flow.driver.find_element(By.ID, "logout").click()
    flow.wait(EC.visibility_of_element_located((By.ID, "login-form")), "no login page after logout")


def first_link(flow, prefix):
    """The first link on the page whose path starts with `prefix` (and is longer), or None."""
    for link in flow.driver.find_elements(By.CSS_SELECTOR, f"a[href^='{prefix}']"):
        href = link.get_attribute("href")
        path = href[len(flow.base):] if href.startswith(flow.base) else href
        if path.rstrip("/") != prefix.rstrip("/") and "#" not in path:
            return path
    return None


def every_page_is_accessible(flow, extra_pages=()):
    """Runs axe and the target check on each page in both viewports; fails listing every problem found.

    `extra_pages` are (role, path) pairs added by other steps' modules as the site grows; role is one of
    "anonymous", "shopper", "reviewer", "analyst", "admin".
    """
    source = axe_source()
    accounts = {
        "shopper": ("ava@example.com", "cocoa-by-the-lake"),
        "reviewer": ("reviewer@example.com", "review-every-answer"),
        "analyst": ("analyst@example.com", "read-the-segments"),
        "admin": ("admin@example.com", "keys-to-the-cafe"),
    }
    pages = {
        "anonymous": ["/login", "/signup", "/forgot-password"],
        "shopper": ["/chat", "chat-with-answer", "/account", "/orders", ("/orders/", "/orders"), "/offers"],
        "reviewer": ["/chat", "debug-trace", "/care", ("/care/", "/care")],
        "analyst": ["/admin", ("/admin/segments/", "/admin"), "/admin/chat", "/admin/audiences",
                    "audience-results", ("/admin/customers/", None), "/admin/segmentation", "segmentation-run",
                    ("/admin/segmentation/", "/admin/segmentation")],
        "admin": ["/admin", "/admin/usage"],
    }
    for role, path in extra_pages:
        pages.setdefault(role, []).append(path)

    problems = []
    checked = []
    customer_page = None

    def check(label):
        for name, size in (("phone", PHONE), ("desktop", DESKTOP)):
            flow.driver.set_window_size(*size)
            problems.extend(f"{label} [{name}] {line}" for line in page_problems(flow.driver, source))
        checked.append(label)

    for role in ("anonymous", "shopper", "reviewer", "analyst", "admin"):
        if role != "anonymous":
            sign_in(flow, *accounts[role])
        for page in pages.get(role, []):
            if page == "chat-with-answer":
                flow.open("/chat")
                flow.send_with_script("any offers near me?")
                # A hand-off request, so that the reviewer's inbox has a request page to check.
                flow.send_with_script("I'd like to talk to a person please")
                check("/chat after an answer (shopper)")
                continue
            if page == "audience-results":
                flow.open("/admin/audiences")
                button = flow.wait(EC.element_to_be_clickable((By.ID, "audience-submit")), "no audience form")
                flow.fill("intent", "people who like iced drinks in the afternoon")
                button.click()
                flow.wait(EC.staleness_of(button), "the audience form did not post")
                flow.wait(EC.presence_of_element_located((By.ID, "audience-submit")), "no builder after discovery")
                customer_page = first_link(flow, "/admin/customers/")
                check("/admin/audiences with results (analyst)")
                continue
            if page == "segmentation-run":
                flow.open("/admin/segmentation")
                button = flow.wait(EC.element_to_be_clickable((By.ID, "start-run")), "no segmentation form")
                button.click()
                flow.wait(EC.staleness_of(button), "the segmentation run did not post")
                flow.wait(EC.presence_of_element_located((By.ID, "logout")), "no page after the run")
                continue
            if page == "debug-trace":
                flow.open("/chat")
                toggle = flow.driver.find_element(By.ID, "debug-toggle")
                if toggle.get_attribute("aria-pressed") == "false":
                    toggle.click()  # a form post: wait for the old page to go before reading the new one
                    flow.wait(EC.staleness_of(toggle), "the debug toggle did not post")
                    flow.wait(lambda d: d.find_element(By.ID, "debug-toggle").get_attribute("aria-pressed") == "true",
                              "the debug view did not switch on")
                reply = flow.send_with_script("where is my order?")
                for trace in reply.find_elements(By.CSS_SELECTOR, "details.trace"):
                    flow.driver.execute_script("arguments[0].open = true;", trace)
                check("/chat with the debug trace open (reviewer)")
                continue
            if isinstance(page, tuple):
                prefix, listing = page
                if listing is None:
                    path = customer_page
                else:
                    flow.open(listing)
                    path = first_link(flow, prefix)
                if path is None:
                    problems.append(f"no {prefix}… link found to check ({role})")
                    continue
                flow.open(path)
            else:
                flow.open(page)
            check(f"{page if isinstance(page, str) else path} ({role})")
        if role != "anonymous":
            sign_out(flow)
    flow.driver.set_window_size(*DESKTOP)
    print(f"  axe: {len(checked)} pages × 2 viewports checked")
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)
