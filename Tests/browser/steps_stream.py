"""Browser steps for streamed answers (issue 14): run by chat_flow.run after the first chat steps, signed in.

The server runs the mock model, which streams its answer in small pieces MOCK_STREAM_DELAY_MS apart (30 ms by
default), so a turn takes about a second: long enough to see the optimistic bubble, the typing status and the
answer growing, and to type or press Enter while it is in flight.
"""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

# Records, from inside the page, how the turn in flight changes: the lengths the streamed answer passes through,
# whether the typing status was seen, and every turn-complete event.
WATCH = """
window.__stream = {lengths: [], typing: false, completed: 0};
document.addEventListener('concierge:turn-complete', (event) => {
  if (event.detail && event.detail.turn && event.detail.turn.matches('ol.turn')) window.__stream.completed += 1;
});
new MutationObserver(() => {
  const answer = document.querySelector('.bubble.pending-concierge .text');
  const lengths = window.__stream.lengths;
  if (answer && answer.textContent.length !== lengths[lengths.length - 1]) lengths.push(answer.textContent.length);
  if (document.getElementById('typing-indicator')) window.__stream.typing = true;
}).observe(document.body, {subtree: true, childList: true, characterData: true});
"""


def run(flow):
    def count(css):
        return len(flow.driver.find_elements(By.CSS_SELECTOR, css))

    def ready():
        flow.wait(lambda d: d.execute_script("return document.readyState;") == "complete", "the page did not load")
        flow.driver.execute_script(WATCH)

    def optimistic_bubble_typing_and_streamed_answer():
        ready()
        replies = count(".bubble.from-concierge")
        box = flow.driver.find_element(By.ID, "message")
        box.send_keys("any offers?")
        box.send_keys(Keys.ENTER)
        # At once, before any answer: the shopper's bubble (as text) and the typing status for screen readers.
        mine = flow.driver.find_element(By.CSS_SELECTOR, ".bubble.pending-shopper .text")
        assert mine.text == "any offers?", f"the optimistic bubble shows {mine.text!r}"
        assert count(".bubble.from-concierge") == replies, "the answer was there before the bubble"
        typing = flow.driver.find_element(By.ID, "typing-indicator")
        assert typing.get_attribute("role") == "status" and typing.get_attribute("aria-live") == "polite"
        assert "typing" in typing.text, f"typing status reads {typing.text!r}"
        assert flow.driver.find_element(By.ID, "chat-form").get_attribute("aria-busy") == "true"
        assert box.get_attribute("value") == "", "the sent text stayed in the box"
        flow.shoot("chat-streaming")
        flow.wait(lambda d: count(".bubble.from-concierge") == replies + 1, "the turn did not complete")
        assert count("#typing-indicator") == 0 and count(".pending-concierge, .pending-shopper") == 0
        lengths = flow.driver.execute_script("return window.__stream.lengths;")
        # Released a sentence at a time: at least two different lengths before the server's fragment.
        assert len([n for n in lengths if n > 0]) >= 2, f"the answer did not stream in pieces: {lengths}"
        assert flow.driver.execute_script("return window.__stream.completed;") == 1, "no turn-complete event"
        assert flow.driver.find_element(By.ID, "chat-form").get_attribute("aria-busy") is None

    def no_double_send_and_the_draft_is_kept():
        ready()
        mine = count(".bubble.from-shopper")
        box = flow.driver.find_element(By.ID, "message")
        box.send_keys("where is my order?")
        box.send_keys(Keys.ENTER)
        flow.wait(lambda d: count(".bubble.pending-shopper") == 1, "no optimistic bubble")
        # While the answer streams: a new draft, and Enter pressed again and again.
        box.send_keys("and tomorrow")
        for _ in range(3):
            box.send_keys(Keys.ENTER)
        assert not flow.driver.find_element(By.ID, "send").is_enabled(), "the button is live while a turn is in flight"
        flow.wait(lambda d: count(".bubble.pending-shopper") == 0, "the turn did not complete")
        assert count(".bubble.from-shopper") == mine + 1, "a message was sent twice"
        assert box.get_attribute("value") == "and tomorrow", f"the draft was lost: {box.get_attribute('value')!r}"
        flow.driver.refresh()
        flow.wait(lambda d: d.execute_script("return document.readyState;") == "complete", "no reload")
        assert count(".bubble.from-shopper") == mine + 1, "the server stored the message twice"
        flow.fill("message", "")

    flow.step("streaming: the shopper's bubble and a typing status at once, then the answer in pieces",
              optimistic_bubble_typing_and_streamed_answer)
    flow.step("streaming: Enter while waiting sends nothing more, and a draft typed meanwhile is kept",
              no_double_send_and_the_draft_is_kept)
