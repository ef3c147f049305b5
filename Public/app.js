// Progressive enhancement for the chat page. Without this file everything works with plain form posts; with
// it, messages are sent with fetch and the reply is appended without a reload, and the browser's location can
// be shared on request. The server's HTML is already escaped; text from responses is set with textContent.
(() => {
  'use strict';

  const chatForm = document.getElementById('chat-form');
  if (chatForm && window.fetch && window.FormData && window.URLSearchParams) enhanceChat(chatForm);

  const geolocationButton = document.getElementById('use-geolocation');
  if (geolocationButton && 'geolocation' in navigator) enableGeolocation(geolocationButton);

  // After a location change the confirmation (or the error) is where the eye and the screen reader go next. The
  // browser focuses it when it follows the URL's #location-feedback; this covers a page reached another way.
  const feedback = document.getElementById('location-feedback');
  if (feedback && document.activeElement !== feedback) feedback.focus();

  // The offers page: copy a coupon code. Without the script the code is plain selectable text.
  if (navigator.clipboard) {
    for (const button of document.querySelectorAll('button.copy-code')) enableCopy(button);
  }

  function enhanceChat(form) {
    const textarea = document.getElementById('message');
    const send = document.getElementById('send');
    const errorBox = document.getElementById('script-error');

    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!textarea.value.trim()) return showError(errorBox, 'Type a message first.');
      showError(errorBox, '');
      send.disabled = true;
      form.setAttribute('aria-busy', 'true');
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          body: new URLSearchParams(new FormData(form)),
          headers: { 'X-Requested-With': 'fetch' },
          credentials: 'same-origin',
        });
        // A redirect means the session ended: follow it to the login page.
        if (response.redirected) return window.location.assign(response.url);
        const body = await response.text();
        if (!response.ok) return showError(errorBox, body);
        appendTurn(body);
        textarea.value = '';
      } catch (error) {
        showError(errorBox, 'The message could not be sent. Check your connection and try again.');
      } finally {
        send.disabled = false;
        form.removeAttribute('aria-busy');
        textarea.focus();
      }
    });
  }

  function appendTurn(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    const turn = template.content.querySelector('ol.turn');
    const list = document.getElementById('messages');
    if (!turn || !list) return;
    document.getElementById('empty-hint')?.remove();
    document.getElementById('latest')?.remove();
    let last = null;
    for (const item of Array.from(turn.children)) last = list.appendChild(item);
    const conversation = turn.dataset.conversation;
    if (conversation) {
      for (const input of document.querySelectorAll('input[name="conversation"]')) input.value = conversation;
      window.history.replaceState(null, '', '/chat?c=' + encodeURIComponent(conversation));
    }
    // The next message is a new turn. Until a reply arrives the key stays, so a retry after an error is the
    // same turn and cannot be stored twice.
    const nextTurn = turn.dataset.nextTurn;
    const turnKey = document.getElementById('turn-key');
    if (nextTurn && turnKey) turnKey.value = nextTurn;
    const usage = template.content.querySelector('#usage');
    if (usage) document.getElementById('usage')?.replaceWith(usage);
    // The conversation was just passed to Customer Care: show its status line above the form.
    const handoff = template.content.querySelector('#handoff-status');
    if (handoff) {
      const shown = document.getElementById('handoff-status');
      if (shown) shown.replaceWith(handoff);
      else document.getElementById('chat-form')?.before(handoff);
    }
    last?.scrollIntoView({ block: 'end', behavior: 'smooth' });
  }

  function showError(box, text) {
    box.textContent = text;
    box.hidden = text === '';
  }

  function enableCopy(button) {
    const status = button.parentElement.querySelector('.copy-status');
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.code);
        status.textContent = 'Copied ' + button.dataset.code + ' to the clipboard.';
      } catch (error) {
        status.textContent = 'Could not copy; select the code and copy it yourself.';
      }
    });
  }

  function enableGeolocation(button) {
    const status = document.getElementById('geolocation-status');
    button.hidden = false;
    // Opt-in: the browser asks only after this click.
    button.addEventListener('click', () => {
      status.textContent = 'Asking your browser for your location…';
      navigator.geolocation.getCurrentPosition((position) => {
        document.getElementById('latitude').value = position.coords.latitude.toFixed(5);
        document.getElementById('longitude').value = position.coords.longitude.toFixed(5);
        const place = document.getElementById('place');
        if (place) place.value = '';
        status.textContent = 'Location found; updating…';
        document.getElementById('location-form').requestSubmit();
      }, () => {
        status.textContent = 'Your location is not available. Type a city, postcode or shop name instead.';
      }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 });
    });
  }
})();
