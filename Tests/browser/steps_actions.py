"""Browser steps for issue 14's "actions, not prose" and "location by place": set the location by a shop's name and
see the confirmation (and an unknown place's error) in view with focus on it, click an action link under an answer
to open the order page, and copy a coupon code on the offers page with an announced confirmation.

`chat_flow.run` calls `add_steps(flow)`; each step uses the demo persona Ava (Seeds/catalog/personas.json), who has
orders and a coupon of her own.
"""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

AVA = ("ava@example.com", "cocoa-by-the-lake")


def add_steps(flow):
    def location_by_place():
        flow.log_in(*AVA)
        flow.fill("place", "night owl")
        flow.driver.find_element(By.ID, "location-submit").click()
        confirmation = flow.wait(EC.visibility_of_element_located((By.ID, "location-confirmation")),
                                 "no confirmation after setting the location")
        assert confirmation.get_attribute("role") == "status"
        assert "Location set: At Night Owl Coffee, Old Compton Street, London" in confirmation.text, confirmation.text
        assert flow.text_of("#location-current").startswith("At Night Owl Coffee")
        assert flow.driver.current_url.endswith("#location-feedback"), flow.driver.current_url
        flow.wait(lambda d: d.switch_to.active_element.get_attribute("id") == "location-feedback",
                  "focus did not move to the confirmation")
        flow.fill("place", "Atlantis")
        flow.driver.find_element(By.ID, "location-submit").click()
        error = flow.wait(EC.visibility_of_element_located((By.ID, "location-error")), "no error for an unknown place")
        assert error.get_attribute("role") == "alert" and "We don't know that place" in error.text, error.text
        flow.wait(lambda d: d.switch_to.active_element.get_attribute("id") == "location-feedback",
                  "focus did not move to the error")
        in_view = flow.driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", error)
        assert in_view, "the error is off-screen"
        flow.driver.find_element(By.ID, "location-reset").click()
        flow.wait(EC.text_to_be_present_in_element((By.ID, "location-current"), "Home"), "home location not restored")

    def action_link_from_an_answer():
        reply = flow.send_with_script("where is my order?")
        link = reply.find_element(By.CSS_SELECTOR, "a.action-order")
        assert link.text.startswith("Open order ORD-"), link.text
        order_id = link.text.removeprefix("Open order ")
        # The reply scrolls into view smoothly; a mouse click could land while it moves. The keyboard is exact
        # (and proves the link is reachable without a mouse).
        flow.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
        link.send_keys(Keys.ENTER)
        flow.wait(EC.url_contains("/orders/" + order_id), "the action link did not open the order page")
        assert flow.text_of("h1") == "Order " + order_id
        assert flow.driver.find_elements(By.ID, "order-options"), "the order page says nothing about what can be done"
        flow.shoot("order-page")

    def copy_a_coupon_code():
        flow.driver.execute_cdp_cmd("Browser.grantPermissions", {
            "origin": flow.base, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        flow.open("/offers")
        code = flow.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, "code.coupon-code")), "no coupon").text
        button = flow.wait(EC.element_to_be_clickable((By.CSS_SELECTOR, "button.copy-code")), "no copy button")
        button.click()
        status = button.find_element(By.XPATH, "following-sibling::span[@class='copy-status']")
        flow.wait(lambda d: status.text != "", "the copy was not confirmed")
        assert status.get_attribute("role") == "status"
        assert status.text == f"Copied {code} to the clipboard.", status.text
        copied = flow.driver.execute_async_script(
            "const done = arguments[0]; navigator.clipboard.readText().then(done, () => done(null));")
        assert copied in (code, None), f"the clipboard holds {copied!r}"
        flow.shoot("offers-page")
        flow.log_out()

    flow.step("set the location by a shop's name; confirmation and errors in view, focused", location_by_place)
    flow.step("click an action link under an answer to open the order page", action_link_from_an_answer)
    flow.step("copy a coupon code on the offers page, confirmed in a live region", copy_a_coupon_code)
