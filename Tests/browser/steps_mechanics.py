"""Issue 14's chat mechanics in the real browser, run from chat_flow.run(): sign-up lands signed in, quick-reply chips,
the conversation list updating live, the newest message above the sticky composer on a phone (also when a thread is
reopened, with and without script), the list reachable on a phone, and the quota's near and at-limit states.

A fresh account of its own, so the main flow's counts are untouched. Most of its daily messages are sent straight
to POST /chat with the browser's own session (the same route the page script uses), so reaching the limit of 30
costs seconds, not thirty typed turns; the turns that change what is shown are sent in the browser.
"""

import re
import struct
import urllib.parse
import urllib.request
import uuid
import zlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

PHONE = (390, 844)
DESKTOP = (1366, 900)
CLOCK = re.compile(r"\b\d{2}:\d{2}\b")
GREEN, AMBER, RED = (0x2F, 0x6F, 0x4F), (0x8A, 0x5A, 0x00), (0xA4, 0x16, 0x1A)  # --accent, --warn, --error


def run(flow):
    email = f"mechanics-{uuid.uuid4().hex[:10]}@example.com"
    password = "chips before the tide"

    def js(script, *arguments):
        return flow.driver.execute_script(script, *arguments)

    def newest_in_view():
        """The last bubble ends above the dock's top edge and starts inside the window."""
        return js("""
            const bubbles = document.querySelectorAll('#messages > .bubble');
            const last = bubbles[bubbles.length - 1].getBoundingClientRect();
            const dock = document.getElementById('composer-dock').getBoundingClientRect();
            return last.bottom <= dock.top + 1 && last.top >= 0 && last.bottom > 0;""")

    def list_entries():
        return js("""return Array.from(document.querySelectorAll('#conversation-list > li')).map(li => ({
            id: li.dataset.conversation || '', text: li.querySelector('a') ? li.querySelector('a').textContent : '',
            current: !!li.querySelector('a[aria-current="page"]'), href: li.querySelector('a')?.getAttribute('href')}));""")

    def current_conversation():
        return urllib.parse.parse_qs(urllib.parse.urlparse(flow.driver.current_url).query).get("c", [""])[0]

    def sign_up():
        flow.open("/signup")
        flow.wait(EC.visibility_of_element_located((By.ID, "signup-form")), "no signup form")
        flow.fill("name", "Mechanics Tester")
        flow.fill("email", email)
        flow.fill("password", password)
        flow.driver.find_element(By.ID, "signup-submit").click()
        flow.wait(EC.visibility_of_element_located((By.ID, "chat-form")), "the signup did not land on the chat")
        assert flow.driver.current_url.endswith("/chat"), flow.driver.current_url
        assert flow.text_of("#profile-title") == "Mechanics Tester", "not signed in as the new account"
        session = [c for c in flow.driver.get_cookies() if c["name"] == "concierge_session"]
        assert session and session[0]["httpOnly"], "no HttpOnly session cookie after signing up"
        assert flow.driver.find_element(By.ID, "no-conversations").text == "None yet."

    def chip_sends():
        flow.wait(lambda d: js("return document.readyState;") == "complete", "the page did not load")
        js("window.__conciergeNoReload = true;")
        chips = flow.driver.find_elements(By.CSS_SELECTOR, "#quick-replies button.chip")
        assert [c.text for c in chips] == ["Nearest open shop", "My offers", "Where's my order?"], [c.text for c in chips]
        assert all(c.size["height"] >= 24 and c.size["width"] >= 24 for c in chips), "a chip is under 24 px"
        # While a turn is in flight (the submit path disables Send), a chip does nothing at all.
        box = flow.driver.find_element(By.ID, "message")
        box.send_keys("my half-typed draft")
        js("document.getElementById('send').disabled = true;")
        chips[1].click()
        assert box.get_attribute("value") == "my half-typed draft", "a chip acted while a turn was in flight"
        assert not flow.driver.find_elements(By.CSS_SELECTOR, ".bubble.from-shopper"), "a chip sent during a turn"
        js("document.getElementById('send').disabled = false;")
        chips[0].click()
        flow.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".bubble.from-concierge")) == 1, "no reply to the chip")
        mine = flow.driver.find_element(By.CSS_SELECTOR, ".bubble.from-shopper .text").text
        assert mine == "Nearest open shop", f"the chip sent {mine!r}"
        assert js("return window.__conciergeNoReload === true;"), "the chip reloaded the page"
        flow.wait(lambda d: d.find_element(By.ID, "message").get_attribute("value") == "my half-typed draft",
                  "the draft typed before the chip was lost")
        box.clear()

    def list_updates():
        first = current_conversation()
        assert first.startswith("conv_"), flow.driver.current_url
        flow.wait(lambda d: not d.find_elements(By.ID, "no-conversations"), '"None yet." stayed')
        entries = list_entries()
        assert [(e["id"], e["text"], e["current"]) for e in entries] == [(first, "Nearest open shop", True)], entries
        assert entries[0]["href"] == f"/chat?c={first}#latest", entries
        flow.send_with_script("any offers?")
        flow.wait(lambda d: list_entries()[0]["text"] == "any offers?", "the entry did not take the latest question")
        assert len(list_entries()) == 1
        flow.driver.find_element(By.ID, "new-conversation").click()
        flow.wait(EC.url_contains("c=new"), "no new conversation")
        flow.send_with_script("Where's my order?")
        second = current_conversation()
        flow.wait(lambda d: len(list_entries()) == 2, "the new conversation was not listed")
        entries = list_entries()
        assert [(e["id"], e["current"]) for e in entries] == [(second, True), (first, False)], entries
        assert entries[0]["text"] == "Where's my order?", entries

    def phone_newest_in_view():
        flow.driver.set_window_size(*PHONE)
        flow.send_with_script("I'm cold and want something warm to drink near me, what do you suggest today?")
        flow.wait(lambda d: newest_in_view(), "the newest message is hidden under the composer on a phone")
        flow.open("/chat")  # reopened: the script starts at the newest message
        flow.wait(EC.visibility_of_element_located((By.ID, "composer-dock")), "no composer")
        flow.wait(lambda d: js("return document.readyState;") == "complete", "the page did not load")
        flow.wait(lambda d: newest_in_view(), "a reopened thread does not show its newest message above the composer")
        flow.shoot("mechanics-phone-latest")

    def phone_newest_without_script():
        from chat_flow import make_driver  # late: chat_flow imports this module
        driver = make_driver(javascript=False)
        main = flow.driver
        try:
            flow.driver = driver
            driver.set_window_size(*PHONE)
            flow.log_in(email, password)
            link = flow.driver.find_element(By.CSS_SELECTOR, "#conversation-list a[aria-current]")
            assert link.get_attribute("href").endswith("#latest"), link.get_attribute("href")
            flow.open(link.get_attribute("href").replace(flow.base, ""))
            flow.wait(lambda d: newest_in_view(), "without script a thread does not open at its newest message")
        finally:
            flow.driver = main
            driver.quit()

    def phone_reaches_list():
        toggle = flow.wait(EC.element_to_be_clickable((By.ID, "conversations-link")), "no conversations link")
        js("window.scrollTo(0, 0);")
        toggle.click()
        # The list is the page's last block, so it may end at the window's bottom rather than start at its top.
        flow.wait(lambda d: js("""const r = document.getElementById('conversations').getBoundingClientRect();
                                  return r.top >= -1 && r.bottom <= window.innerHeight + 1;"""),
                  "the link did not bring the list into view")
        assert js("return document.activeElement.id;") == "conversations", "focus did not move to the list"
        flow.shoot("mechanics-phone-list")
        flow.driver.find_element(By.ID, "back-to-conversation").click()
        flow.wait(lambda d: js("""const r = document.getElementById('composer-dock').getBoundingClientRect();
                                  return r.top >= -1 && r.bottom <= window.innerHeight + 1;"""), "no way back")
        flow.driver.set_window_size(*DESKTOP)
        flow.wait(lambda d: not d.find_element(By.ID, "conversations-link").is_displayed(),
                  "the phone's link shows on a desktop")

    def post_turns(count):
        """`count` messages through POST /chat with this browser's session, as the page script sends them."""
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in flow.driver.get_cookies())
        csrf = js("return document.querySelector('#chat-form input[name=csrf]').value;")
        conversation = js("return document.getElementById('conversation-id').value;")
        for number in range(count):
            body = urllib.parse.urlencode({"csrf": csrf, "conversation": conversation,
                                           "message": f"filler question {number}"}).encode()
            request = urllib.request.Request(flow.base + "/chat", data=body, headers={
                "Cookie": cookies, "X-Requested-With": "fetch",
                "Content-Type": "application/x-www-form-urlencoded"})
            with urllib.request.urlopen(request, timeout=30) as response:
                assert response.status == 200, response.status

    def used():
        return int(flow.driver.find_element(By.ID, "usage-meter").get_attribute("value"))

    def meter_colour():
        meter = flow.driver.find_element(By.ID, "usage-meter")
        flow.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", meter)
        return png_pixel(meter.screenshot_as_png, 4, meter.size["height"] // 2)

    def quota_states():
        flow.open("/chat")
        flow.wait(lambda d: js("return document.readyState;") == "complete", "the page did not load")
        assert js("return document.getElementById('usage').dataset.state;") == "fine"
        assert close(meter_colour(), GREEN), f"the meter is not green while fine: {meter_colour()}"
        post_turns(23 - used())
        flow.open("/chat")
        flow.wait(lambda d: used() == 23, "the filler messages were not counted")
        flow.send_with_script("any offers?")  # the 24th of 30: 80 %
        flow.wait(lambda d: js("return document.getElementById('usage').dataset.state;") == "near", "not near")
        near = flow.driver.find_element(By.ID, "usage-near")
        assert "6 of 30 messages left" in near.text, near.text
        assert js("return getComputedStyle(arguments[0]).borderLeftColor;", near) == "rgb(138, 90, 0)"
        assert close(meter_colour(), AMBER), f"the meter is not amber near the limit: {meter_colour()}"
        assert js("return document.getElementById('composer-dock').disabled;") is False
        post_turns(29 - used())
        flow.open("/chat")
        flow.wait(lambda d: used() == 29, "the filler messages were not counted")
        flow.send_with_script("thanks, that's all")  # the 30th: the composer closes at once
        flow.wait(lambda d: js("return document.getElementById('composer-dock').disabled;"), "the composer stayed open")
        expect_at_limit()
        assert js("return document.activeElement.id;") == "composer-limit", "focus was not moved to the limit note"
        flow.open("/chat")  # the server renders the same state
        flow.wait(EC.visibility_of_element_located((By.ID, "composer-limit")), "no limit note after reload")
        expect_at_limit()
        flow.shoot("mechanics-quota-reached")

    def expect_at_limit():
        assert js("return document.getElementById('usage').dataset.state;") == "reached"
        note = flow.driver.find_element(By.ID, "composer-limit")
        assert note.is_displayed() and "You can send again after" in note.text and CLOCK.search(note.text), note.text
        assert not flow.driver.find_element(By.ID, "message").is_enabled(), "the text area is enabled at the limit"
        assert not flow.driver.find_element(By.ID, "send").is_enabled(), "Send is enabled at the limit"
        assert not any(c.is_enabled() for c in flow.driver.find_elements(By.CSS_SELECTOR, "#quick-replies .chip"))
        limit = flow.driver.find_element(By.ID, "usage-reached")
        assert js("return getComputedStyle(arguments[0]).backgroundColor;", limit) == "rgb(253, 236, 236)", \
            "the limit notice looks like a success"
        assert close(meter_colour(), RED), f"the meter is not red at the limit: {meter_colour()}"

    def log_out():
        flow.log_out()

    flow.step("sign-up lands on the chat, signed in", sign_up)
    flow.step("a quick-reply chip sends through the normal path, never during a turn, keeping the draft", chip_sends)
    flow.step("the conversation list updates live after each turn", list_updates)
    flow.step("phone: the newest message ends above the composer, after sending and when reopened",
              phone_newest_in_view)
    flow.step("phone, no script: a listed thread opens at its newest message", phone_newest_without_script)
    flow.step("phone: the top-bar link reaches the conversation list and back", phone_reaches_list)
    flow.step("quota: green, amber near the limit, red at it with the composer disabled until the reset",
              quota_states)
    flow.step("log out (mechanics account)", log_out)


def close(colour, expected, tolerance=24):
    return colour is not None and all(abs(a - b) <= tolerance for a, b in zip(colour, expected))


def png_pixel(data, x, y):
    """The (r, g, b) of one pixel of a PNG screenshot (8-bit RGB or RGBA, not interlaced): no imaging library here."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        payload = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", payload)
        elif kind == b"IDAT":
            chunks.append(payload)
        position += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    channels = 4 if colour_type == 6 else 3
    raw, stride = zlib.decompress(b"".join(chunks)), width * channels
    previous = bytearray(stride)
    for row in range(min(y, height - 1) + 1):
        kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        previous = line
    start = min(x, width - 1) * channels
    return tuple(previous[start:start + 3])
