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

    // One turn at a time: while one is in flight, Enter and the button do nothing (the form is aria-busy).
    let inFlight = false;
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        if (!inFlight) form.requestSubmit();
      }
    });

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (inFlight) return;
      const message = textarea.value;
      if (!message.trim()) return showError(errorBox, 'Type a message first.');
      showError(errorBox, '');
      const body = new URLSearchParams(new FormData(form));
      inFlight = true;
      send.disabled = true;
      form.setAttribute('aria-busy', 'true');
      // Sent: the box is free for the next draft, which nothing below overwrites.
      textarea.value = '';
      const pending = showPending(message);
      try {
        const failure = await sendTurn(form, body, pending);
        if (failure) {
          pending.remove();
          restoreDraft(textarea, message);
          showError(errorBox, failure);
        }
      } finally {
        inFlight = false;
        send.disabled = false;
        form.removeAttribute('aria-busy');
        textarea.focus();
      }
    });
  }

  // The turn, streamed from /chat/stream when the browser can read a response as it arrives, else the whole
  // fragment from /chat. Resolves to an error message for the shopper, or null once the turn is shown.
  async function sendTurn(form, body, pending) {
    const headers = { 'X-Requested-With': 'fetch' };
    try {
      if (window.ReadableStream && window.TextDecoder) {
        const response = await fetch(form.action + '/stream', { method: 'POST', body, headers, credentials: 'same-origin' });
        // A redirect means the session ended: follow it to the login page.
        if (response.redirected) { window.location.assign(response.url); return null; }
        const streamed = (response.headers.get('Content-Type') || '').startsWith('text/event-stream');
        if (streamed && response.body) return await readStream(response.body, pending);
        if (response.status !== 404 && response.status !== 405) return (await response.text()) || 'The message could not be sent.';
      }
      const response = await fetch(form.action, { method: 'POST', body, headers, credentials: 'same-origin' });
      if (response.redirected) { window.location.assign(response.url); return null; }
      const html = await response.text();
      if (!response.ok) return html;
      pending.remove();
      appendTurn(html);
      return null;
    } catch (error) {
      return 'The message could not be sent. Check your connection and try again.';
    }
  }

  // Server-sent events: accepted, delta (guarded text to add), replace (the text so far), done (the turn's
  // fragment), error. Text goes in with textContent only.
  async function readStream(stream, pending) {
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
      buffer = buffer.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event.name === 'delta') pending.write(event.data, false);
        else if (event.name === 'replace') pending.write(event.data, true);
        else if (event.name === 'error') return event.data;
        else if (event.name === 'done') {
          pending.remove();
          appendTurn(event.data);
          return null;
        }
      }
      if (done) return 'The answer was interrupted. Your message is back in the box: send it again.';
    }
  }

  function parseEvent(block) {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
    }
    return { name, data: data.join('\n') };
  }

  // The shopper's bubble at once, an empty answer bubble the stream writes into, and a typing status that
  // screen readers announce. Replaced by the server's fragment when the turn is done.
  function showPending(message) {
    const list = document.getElementById('messages');
    document.getElementById('empty-hint')?.remove();
    // Own classes (styled like the stored bubbles in app.css), so that nothing counting the stored
    // .from-shopper/.from-concierge bubbles sees a turn that is not done.
    const mine = bubble('pending-shopper', 'You', message);
    const answer = bubble('pending-concierge', 'Concierge', '');
    answer.hidden = true;
    const typing = document.createElement('p');
    typing.id = 'typing-indicator';
    typing.className = 'typing';
    typing.setAttribute('role', 'status');
    typing.setAttribute('aria-live', 'polite');
    typing.textContent = 'Concierge is typing…';
    list.append(mine, answer);
    list.after(typing);
    mine.scrollIntoView({ block: 'end', behavior: 'smooth' });
    const text = answer.querySelector('.text');
    return {
      write(data, replace) {
        text.textContent = replace ? data : text.textContent + data;
        answer.hidden = text.textContent === '';
        answer.scrollIntoView({ block: 'end' });
      },
      remove() { mine.remove(); answer.remove(); typing.remove(); },
    };
  }

  function bubble(kind, author, content) {
    const item = document.createElement('li');
    item.className = 'bubble ' + kind;
    const meta = document.createElement('p');
    meta.className = 'meta';
    const name = document.createElement('span');
    name.className = 'author';
    name.textContent = author;
    meta.append(name);
    const text = document.createElement('p');
    text.className = 'text';
    text.textContent = content;
    item.append(meta, text);
    return item;
  }

  // A failed send puts the message back, before anything typed since rather than over it.
  function restoreDraft(textarea, message) {
    textarea.value = textarea.value.trim() ? message + '\n\n' + textarea.value : message;
  }

  function appendTurn(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    const turn = template.content.querySelector('ol.turn');
    const list = document.getElementById('messages');
    if (!turn || !list) return;
    // For listeners of concierge:turn-complete (conversation list, quota meter): the turn as the server sent it.
    const completed = turn.cloneNode(true);
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
    document.dispatchEvent(new CustomEvent('concierge:turn-complete', { detail: { turn: completed } }));
  }

  // Chat mechanics (issue 14) ----------------------------------------------------------------------------------
  // Kept apart from the submit path above: these read only the page and the data attributes of the ol.turn that
  // comes with each 'concierge:turn-complete' event, so the way a turn is sent can change without touching them.
  const dock = document.getElementById('composer-dock');
  if (dock) enhanceMechanics(dock);

  function enhanceMechanics(dock) {
    trackDockHeight(dock);
    openAtLatest();
    if (chatForm && window.fetch && window.FormData && window.URLSearchParams) enableQuickReplies(chatForm, dock);
    document.addEventListener('concierge:turn-complete', (event) => {
      const turn = event.detail && event.detail.turn;
      if (!turn || !turn.dataset) return;
      updateConversationList(turn.dataset);
      applyQuota(turn.dataset, dock);
    });
  }

  // The stylesheet leaves this much room under anything scrolled into view (scroll-padding-bottom), so the newest
  // message ends above the sticky dock whatever its height (a wrapped chip row, an error, the limit note).
  function trackDockHeight(dock) {
    const update = () => document.documentElement.style.setProperty('--dock-height', dock.offsetHeight + 'px');
    update();
    if (window.ResizeObserver) new ResizeObserver(update).observe(dock);
  }

  // A reopened thread starts at its newest message, not its oldest (a link to another anchor is left alone).
  function openAtLatest() {
    if (window.location.hash && window.location.hash !== '#latest') return;
    const bubbles = document.querySelectorAll('#messages > .bubble');
    const last = bubbles[bubbles.length - 1];
    if (!last) return;
    last.scrollIntoView({ block: 'end' });
    // Taller than the view: show where it starts rather than its last lines.
    if (last.getBoundingClientRect().top < 0) last.scrollIntoView({ block: 'start' });
  }

  // A chip sends its text through the chat form's own submit path (so it behaves exactly like typing it), never
  // while a turn is in flight or at the limit. A draft in the text area is put back once the chip's turn is done.
  function enableQuickReplies(form, dock) {
    const chips = document.getElementById('quick-replies');
    const textarea = document.getElementById('message');
    const send = document.getElementById('send');
    if (!chips || !textarea || !send) return;
    let stashedDraft = '';
    chips.addEventListener('submit', (event) => {
      const chip = event.submitter;
      if (!chip) return; // An old browser: the plain post still works.
      event.preventDefault();
      if (dock.disabled || send.disabled || form.getAttribute('aria-busy') === 'true') return;
      stashedDraft = textarea.value;
      textarea.value = chip.value;
      form.requestSubmit();
    });
    document.addEventListener('concierge:turn-complete', () => {
      const draft = stashedDraft;
      stashedDraft = '';
      // After the submit path has finished with the text area (it empties it once the answer is shown).
      if (draft) setTimeout(() => { if (!textarea.value) textarea.value = draft; }, 0);
    });
  }

  // The list shows the conversation just answered first and marked current, as the server would render it now.
  function updateConversationList(data) {
    const list = document.getElementById('conversation-list');
    const href = data.conversationHref || '';
    if (!list || !data.conversation || !href.startsWith('/chat?')) return;
    document.getElementById('no-conversations')?.remove();
    let item = Array.from(list.children).find((entry) => entry.dataset.conversation === data.conversation);
    if (!item) {
      item = document.createElement('li');
      item.dataset.conversation = data.conversation;
      const when = document.createElement('span');
      when.className = 'muted';
      item.append(document.createElement('a'), ' ', when);
    }
    const link = item.querySelector('a');
    link.href = href;
    link.textContent = data.conversationTitle || '';
    const when = item.querySelector('.muted');
    if (when) when.textContent = data.conversationWhen || '';
    for (const other of list.querySelectorAll('a[aria-current]')) other.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'page');
    list.prepend(item);
    const limit = Number(list.dataset.limit) || 8;
    while (list.children.length > limit) list.lastElementChild.remove();
  }

  // At the limit the whole dock (chips and composer) is disabled and says when sending works again; the usage
  // panel itself comes with the turn's HTML.
  function applyQuota(data, dock) {
    const reached = data.quotaState === 'reached';
    const note = document.getElementById('composer-limit');
    const time = note?.querySelector('time');
    if (time && data.quotaResetsAt) {
      time.textContent = data.quotaResetsAt;
      if (data.quotaResetsTimestamp) time.dateTime = data.quotaResetsTimestamp;
    }
    dock.disabled = reached;
    if (!note) return;
    note.hidden = !reached;
    if (reached) note.focus();
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
