"""Browser steps for the account page (issue 14): profile, change password, download my data, two-step
verification, delete my account.

Each run makes its own throw-away account, so deleting it touches no other step's data. Called by ``run(flow)`` in
chat_flow.py; every wait is explicit, never a sleep.
"""

import base64
import glob
import hashlib
import hmac
import json
import os
import struct
import tempfile
import time
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select


def totp(secret, at):
    """The 6-digit code an authenticator app shows at `at` (RFC 6238, HMAC-SHA1, 30-second steps)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def run(flow):
    email = f"account-{uuid.uuid4().hex[:10]}@example.com"
    state = {"password": "a throwaway teapot", "downloads": tempfile.mkdtemp(prefix="concierge-downloads-")}

    def sign_up(address):
        flow.open("/signup")
        flow.wait(EC.visibility_of_element_located((By.ID, "signup-form")), "no signup form")
        flow.fill("name", "Throwaway Tester")
        flow.fill("email", address)
        flow.fill("password", state["password"])
        Select(flow.driver.find_element(By.ID, "city")).select_by_visible_text("London")
        flow.driver.find_element(By.ID, "signup-submit").click()
        # Signing up either logs in (the chat page) or asks to log in: both are fine here.
        flow.wait(lambda d: d.find_elements(By.ID, "chat-form") or "/login" in d.current_url, "signup did not finish")
        if not flow.driver.find_elements(By.ID, "chat-form"):
            flow.log_in(address, state["password"])

    def open_account_page():
        sign_up(email)
        flow.driver.find_element(By.ID, "account-link").click()
        flow.wait(EC.visibility_of_element_located((By.ID, "account-profile")), "no profile on the account page")
        assert flow.text_of("#account-email") == email
        assert flow.text_of("#account-name") == "Throwaway Tester"
        unlabelled = flow.driver.execute_script("""
            return Array.from(document.querySelectorAll('input:not([type=hidden])'))
              .filter(e => !e.labels || e.labels.length === 0).map(e => e.name);""")
        assert not unlabelled, f"fields without a label: {unlabelled}"
        small = flow.driver.execute_script("""
            return Array.from(document.querySelectorAll('main button, main a.button, main input:not([type=hidden])'))
              .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.height < 24 || r.width < 24); })
              .map(e => e.id || e.textContent.trim());""")
        # Links inside sentences are exempt (WCAG 2.5.8's inline exception); buttons and fields are not.
        assert not small, f"touch targets under 24 px: {small}"
        flow.shoot("account-desktop")

    def change_password():
        flow.fill("current-password", state["password"])
        state["password"] = "another throwaway teapot"
        flow.fill("new-password", state["password"])
        flow.driver.find_element(By.ID, "change-password").click()
        flow.wait(EC.visibility_of_element_located((By.ID, "account-notice")), "no confirmation")
        assert "password has been changed" in flow.text_of("#account-notice")

    def download_data():
        flow.driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                                    {"behavior": "allow", "downloadPath": state["downloads"]})
        flow.driver.find_element(By.ID, "download-data").click()
        pattern = os.path.join(state["downloads"], "concierge-my-data-*.json")
        flow.wait(lambda d: glob.glob(pattern), "the data file was not downloaded")
        with open(glob.glob(pattern)[0], encoding="utf-8") as file:
            data = json.load(file)
        assert data["profile"]["email"] == email, "the file is someone else's"
        for key in ("orders", "coupons", "conversations", "customerCareRequests", "activity"):
            assert key in data, f"the file lacks {key}"
        text = json.dumps(data)
        assert "passwordHash" not in text and "$2b$" not in text, "the file holds the password hash"

    def two_step_verification():
        flow.driver.find_element(By.ID, "two-step-start").click()
        secret = flow.text_of("#two-step-secret")
        assert flow.driver.find_element(By.ID, "two-step-uri").get_attribute("href").startswith("otpauth://totp/")
        flow.fill("two-step-code", totp(secret, time.time()))
        flow.driver.find_element(By.ID, "two-step-confirm").click()
        codes = flow.wait(EC.visibility_of_element_located((By.ID, "recovery-codes")), "no recovery codes")
        assert len(codes.find_elements(By.TAG_NAME, "li")) == 10
        flow.driver.find_element(By.ID, "logout").click()
        flow.wait(EC.visibility_of_element_located((By.ID, "login-form")), "no login form after logout")
        flow.fill("email", email)
        flow.fill("password", state["password"])
        flow.driver.find_element(By.ID, "login-submit").click()
        flow.wait(EC.visibility_of_element_located((By.ID, "login-code-form")), "the login did not ask for a code")
        # The next step's code: the enrolment's own code is never accepted twice.
        flow.fill("login-code", totp(secret, time.time() + 30))
        flow.driver.find_element(By.ID, "login-code-submit").click()
        flow.wait(EC.visibility_of_element_located((By.ID, "chat-form")), "the code did not log in")
        flow.open("/account")
        flow.wait(EC.visibility_of_element_located((By.ID, "two-step-off-form")), "two-step verification is not on")

    def wrong_password_is_shown_in_view():
        flow.fill("delete-password", "not my password at all")
        flow.driver.find_element(By.ID, "delete-account").click()
        error = flow.wait(EC.visibility_of_element_located((By.ID, "delete-error")), "no error for a wrong password")
        flow.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", error)
        assert "not your current password" in error.text
        assert flow.driver.find_element(By.ID, "delete-password").get_attribute("aria-invalid") == "true"

    def delete_account():
        flow.fill("delete-password", state["password"])
        flow.driver.find_element(By.ID, "delete-account").click()
        flow.wait(EC.url_contains("/login?notice=account-deleted"), "deleting did not lead to the login page")
        assert "have been deleted" in flow.text_of("#notice")
        flow.open("/account")
        flow.wait(EC.url_contains("/login"), "the account page opened after deletion")
        sign_up(email)  # the address is free again
        flow.driver.find_element(By.ID, "account-link").click()
        flow.wait(EC.visibility_of_element_located((By.ID, "account-profile")), "no account page")
        flow.fill("delete-password", state["password"])
        flow.driver.find_element(By.ID, "delete-account").click()
        flow.wait(EC.url_contains("/login?notice=account-deleted"), "the second account was not deleted")

    flow.step("account: the chat header links the account page, labelled, targets ≥ 24 px", open_account_page)
    flow.step("account: change the password, stay signed in", change_password)
    flow.step("account: download my data as JSON, own data only, no hash", download_data)
    flow.step("account: two-step verification on, and the login asks for the app's code", two_step_verification)
    flow.step("account: a wrong password to delete shows the error in view", wrong_password_is_shown_in_view)
    flow.step("account: delete my account, signed out, the e-mail can sign up again", delete_account)
