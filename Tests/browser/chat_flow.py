#!/usr/bin/python3
"""The web app in a real browser: Debian's chromium and chromedriver, headless, driven by Selenium.

Run by script/browser-test against a freshly seeded `concierge serve` (mock LLM, BCRYPT_COST=4). The steps depend
on each other (sign up, log in, chat, ...): after the first failure the rest are reported as not run. Every wait is
an explicit WebDriverWait on an element or condition, never a sleep. Prints one line per step and, last,
"browser: N passed, M failed"; exits non-zero when anything failed.

Usage: /usr/bin/python3 Tests/browser/chat_flow.py --base-url http://127.0.0.1:PORT --screenshots DIR
"""

import argparse
import os
import re
import sys
import traceback
import uuid

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

import steps_axe
import steps_stream  # Tests/browser/steps_stream.py: the streamed-answer steps
import steps_mechanics
import steps_account
import steps_actions

WAIT_SECONDS = 30
PHONE = (390, 844)
DESKTOP = (1366, 900)
LAKESIDE = (51.5262, -0.1560)  # the demo store Lakeside Café (Seeds/catalog/personas.json)
COUPON = re.compile(r"\b[A-Z]{3,}[0-9]{2,}\b")  # WARM15, BAKERY20...


def make_driver(javascript=True):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions", "--lang=en-GB",
                     f"--window-size={DESKTOP[0]},{DESKTOP[1]}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    return driver


class Flow:
    """Runs named steps in order; the first failure stops the flow and the remaining steps count as failed."""

    def __init__(self, base_url, screenshots):
        self.base = base_url.rstrip("/")
        self.screenshots = screenshots
        self.passed = 0
        self.failed = 0
        self.stopped = False
        self.driver = None

    def step(self, name, action):
        if self.stopped:
            self.failed += 1
            print(f"✘ {name}: not run (an earlier step failed)")
            return
        try:
            action()
            self.passed += 1
            print(f"✔ {name}")
        except Exception as error:  # noqa: BLE001 - every failure is reported, whatever its type
            self.failed += 1
            self.stopped = True
            print(f"✘ {name}: {type(error).__name__}: {error}".splitlines()[0])
            traceback.print_exc(limit=3, file=sys.stdout)
            self.shoot(f"failure-{self.failed}")

    def shoot(self, name):
        if self.driver is None:
            return
        try:
            self.driver.save_screenshot(os.path.join(self.screenshots, f"{name}.png"))
        except WebDriverException:
            pass

    # Helpers -----------------------------------------------------------------------------------------------

    def wait(self, condition, message):
        # A form post replaces the page: an element found a moment ago can go stale, or not exist yet,
        # while the condition is polled. Both mean "not yet", never a failure.
        patient = WebDriverWait(self.driver, WAIT_SECONDS,
                                ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))

        def settled(driver):
            # Chromium reports an element of the page being replaced as "does not belong to the document", a plain
            # WebDriverException rather than a stale reference: the same "not yet", never a failure.
            try:
                return condition(driver)
            except WebDriverException as error:
                if "does not belong to the document" in str(error):
                    return False
                raise

        return patient.until(settled, message)

    def open(self, path):
        self.driver.get(self.base + path)

    def fill(self, element_id, text):
        field = self.driver.find_element(By.ID, element_id)
        field.clear()
        field.send_keys(text)

    def text_of(self, css):
        return self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, css)), f"no {css}").text

    def log_in(self, email, password):
        self.open("/login")
        self.wait(EC.visibility_of_element_located((By.ID, "login-form")), "no login form")
        self.fill("email", email)
        self.fill("password", password)
        self.driver.find_element(By.ID, "login-submit").click()
        self.wait(EC.visibility_of_element_located((By.ID, "chat-form")), "the chat page did not open after login")

    def log_out(self):
        self.driver.find_element(By.ID, "logout").click()
        self.wait(EC.visibility_of_element_located((By.ID, "notice")), "no logout notice")
        assert "You have logged out." in self.text_of("#notice")

    def send_with_script(self, text):
        """Sends a message the way a person does and waits for the reply appended without a reload."""
        # The page script is deferred: until the document is complete, Enter would still post the plain form.
        self.wait(lambda d: d.execute_script("return document.readyState;") == "complete", "the page did not load")
        replies_before = len(self.driver.find_elements(By.CSS_SELECTOR, ".bubble.from-concierge"))
        key_before = self.driver.find_element(By.ID, "turn-key").get_attribute("value")
        self.driver.execute_script("window.__conciergeNoReload = true;")
        box = self.driver.find_element(By.ID, "message")
        box.send_keys(text)
        box.send_keys(Keys.ENTER)
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".bubble.from-concierge")) > replies_before,
                  "no reply was appended")
        assert self.driver.execute_script("return window.__conciergeNoReload === true;"), "the page reloaded"
        self.wait(lambda d: d.find_element(By.ID, "message").get_attribute("value") == "", "the text area kept the text")
        key_after = self.driver.find_element(By.ID, "turn-key").get_attribute("value")
        assert key_after.startswith("turn_") and key_after != key_before, "the next message would reuse the turn key"
        return self.driver.find_elements(By.CSS_SELECTOR, ".bubble.from-concierge")[-1]

    def csp_violations(self):
        return [entry["message"] for entry in self.driver.get_log("browser")
                if "Content Security Policy" in entry.get("message", "")]


def run(flow):
    email = f"browser-{uuid.uuid4().hex[:10]}@example.com"
    password = "lanterns over the river"
    state = {}

    def sign_up():
        flow.open("/signup")
        flow.wait(EC.visibility_of_element_located((By.ID, "signup-form")), "no signup form")
        unlabelled = flow.driver.execute_script("""
            return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
              .filter(e => !e.labels || e.labels.length === 0).map(e => e.name);""")
        assert not unlabelled, f"fields without a label: {unlabelled}"
        flow.fill("name", "Browser Tester")
        flow.fill("email", email)
        flow.fill("password", password)
        Select(flow.driver.find_element(By.ID, "city")).select_by_visible_text("London")
        flow.driver.find_element(By.CSS_SELECTOR, "input[name=temperature][value=hot]").click()
        flow.driver.find_element(By.ID, "signup-submit").click()
        flow.wait(EC.visibility_of_element_located((By.ID, "chat-form")), "signup did not land on the chat")
        assert flow.text_of("#profile-title") == "Browser Tester", "the signup did not sign in"

    def log_in():
        flow.log_out()  # the signup signed in: log in again, as a returning shopper does
        flow.log_in(email, password)
        assert flow.text_of("#profile-title") == "Browser Tester"
        assert flow.driver.find_element(By.ID, "messages").get_attribute("aria-live") == "polite"

    def share_location():
        # Opt-in geolocation: the browser is told where it is, and asks nothing until the button is pressed.
        flow.driver.execute_cdp_cmd("Browser.grantPermissions",
                                    {"origin": flow.base, "permissions": ["geolocation"]})
        flow.driver.execute_cdp_cmd("Emulation.setGeolocationOverride",
                                    {"latitude": LAKESIDE[0], "longitude": LAKESIDE[1], "accuracy": 10})
        button = flow.wait(EC.element_to_be_clickable((By.ID, "use-geolocation")), "no geolocation button")
        button.click()
        # Named in words from the chain's own shops, never as coordinates.
        flow.wait(EC.text_to_be_present_in_element((By.ID, "location-current"), "Near Outer Circle, Regent's Park, London"),
                  "the shared location was not applied")

    def chat_im_cold():
        reply = flow.send_with_script("I'm cold")
        text = reply.find_element(By.CSS_SELECTOR, ".text").text
        assert "Lakeside Café" in text, f"no store in the answer: {text}"
        assert COUPON.search(text), f"no coupon in the answer: {text}"
        state["answer"] = text
        assert flow.driver.find_element(By.ID, "usage-meter").get_attribute("value") == "1", "usage bar not updated"
        assert flow.driver.switch_to.active_element.get_attribute("id") == "message", "focus left the text area"
        assert "/chat?c=conv_" in flow.driver.current_url
        assert not flow.driver.find_elements(By.CSS_SELECTOR, "details.trace"), "a shopper saw a trace"

    def escaping():
        reply_count = len(flow.driver.find_elements(By.CSS_SELECTOR, ".bubble.from-concierge"))
        flow.send_with_script('<img src=x onerror="window.__xss=1"> card 4111 1111 1111 1111')
        assert len(flow.driver.find_elements(By.CSS_SELECTOR, ".bubble.from-concierge")) == reply_count + 1
        mine = flow.driver.find_elements(By.CSS_SELECTOR, ".bubble.from-shopper .text")[-1].text
        assert mine.startswith('<img src=x onerror="window.__xss=1">'), f"not shown as text: {mine}"
        assert "4111 1111 1111 1111" not in mine and "•••• 1111" in mine, f"card not masked: {mine}"
        assert flow.driver.execute_script("return window.__xss === undefined;"), "the payload ran"
        flow.driver.refresh()
        flow.wait(EC.presence_of_element_located((By.ID, "latest")), "no #latest after reload")
        assert flow.driver.execute_script("return window.__xss === undefined;"), "the payload ran after reload"

    def screenshots():
        for name, (width, height) in (("chat-phone", PHONE), ("chat-desktop", DESKTOP)):
            flow.driver.set_window_size(width, height)
            flow.wait(EC.visibility_of_element_located((By.ID, "chat-form")), "no chat form")
            overflow = flow.driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
            assert overflow <= 1, f"{name}: the page scrolls sideways by {overflow}px"
            flow.shoot(name)
            assert os.path.getsize(os.path.join(flow.screenshots, f"{name}.png")) > 10_000

    def no_csp_violations():
        violations = flow.csp_violations()
        assert not violations, f"CSP violations: {violations}"

    def log_out():
        flow.log_out()
        flow.open("/chat")
        flow.wait(EC.url_contains("/login"), "the chat page opened after logout")

    def reviewer_debug_view():
        flow.log_in("reviewer@example.com", "review-every-answer")
        toggle = flow.driver.find_element(By.ID, "debug-toggle")
        assert toggle.get_attribute("aria-pressed") == "false"
        toggle.click()
        flow.wait(lambda d: d.find_element(By.ID, "debug-toggle").get_attribute("aria-pressed") == "true",
                  "the debug view did not switch on")
        reply = flow.send_with_script("I'm cold")
        trace = reply.find_element(By.CSS_SELECTOR, "details.trace")
        for part in ("Masked prompt", "Retrieved policy chunks", "Shops considered", "Coupons", "Model attempts",
                     "Guard verdict", "Stage timings"):
            assert part in trace.text, f"the trace lacks {part}"
        prompt = trace.find_element(By.CSS_SELECTOR, "pre.prompt").text
        assert "<NAME_1>" in prompt and "reviewer@example.com" not in prompt, "the prompt is not masked"
        flow.driver.set_window_size(*DESKTOP)
        flow.driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", reply)
        flow.shoot("reviewer-debug")
        flow.log_out()

    def without_javascript():
        driver = make_driver(javascript=False)
        try:
            flow.driver, main = driver, flow.driver
            flow.log_in(email, password)
            assert flow.driver.find_element(By.ID, "use-geolocation").get_attribute("hidden") is not None
            flow.fill("message", "any offers?")
            flow.driver.find_element(By.ID, "send").click()
            flow.wait(EC.url_contains("#latest"), "no post-redirect-get to #latest")
            last = flow.driver.find_elements(By.CSS_SELECTOR, ".bubble.from-concierge .text")[-1].text
            assert COUPON.search(last), f"no offer in the answer: {last}"
            flow.shoot("chat-no-javascript")
            flow.log_out()
        finally:
            flow.driver = main
            driver.quit()

    flow.step("sign up with labelled fields", sign_up)
    flow.step("log in", log_in)
    flow.step("share the browser's location (opt-in)", share_location)
    flow.step("send \"I'm cold\" and see the store and a coupon, no reload", chat_im_cold)
    flow.step("HTML and card numbers in a message are escaped and masked", escaping)
    steps_stream.run(flow)
    flow.step("phone and desktop screenshots, no sideways scrolling", screenshots)
    flow.step("no Content-Security-Policy violations", no_csp_violations)
    flow.step("log out", log_out)
    flow.step("reviewer switches the debug view on and sees the masked trace", reviewer_debug_view)
    steps_actions.add_steps(flow)
    flow.step("the chat works with JavaScript off", without_javascript)
    steps_mechanics.run(flow)
    steps_account.run(flow)
    # Last: every page of every role, as the steps above left the data (conversations, traces, hand-offs).
    flow.step("axe-core: 0 violations and targets ≥ 24 px on every page, phone and desktop",
              lambda: steps_axe.every_page_is_accessible(flow))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--screenshots", required=True)
    arguments = parser.parse_args()
    os.makedirs(arguments.screenshots, exist_ok=True)
    flow = Flow(arguments.base_url, arguments.screenshots)
    try:
        flow.driver = make_driver()
        run(flow)
    except Exception as error:  # noqa: BLE001 - the browser itself did not start
        flow.failed += 1
        print(f"✘ start the browser: {type(error).__name__}: {error}".splitlines()[0])
    finally:
        if flow.driver is not None:
            flow.driver.quit()
    print(f"browser: {flow.passed} passed, {flow.failed} failed")
    return 0 if flow.failed == 0 and flow.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
