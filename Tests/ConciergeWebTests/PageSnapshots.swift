// Rendered pages, reviewed by hand: every value from a person or the model is escaped, the card number is
// masked, and only the layout's script tag exists. When a template changes on purpose, run the snapshot tests,
// read the files their failures name, and paste them here.
enum PageSnapshots {
    static let shopperChat = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Concierge · Bramble &amp; Bean Concierge</title>
    <link rel="stylesheet" href="/public/app.css">
    <script src="/public/app.js" defer></script>
    </head>
    <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <a class="brand" href="/">Bramble &amp; Bean <span>Concierge</span></a>
      <nav class="account-nav" aria-label="Account">
        <span class="signed-in">Signed in as Ava</span>
        <form method="post" action="/logout" class="inline-form">
          <input type="hidden" name="csrf" value="csrf-token">
          <button type="submit" class="link-button" id="logout">Log out</button>
        </form>
      </nav>
    </header>
    <main id="main" tabindex="-1">
    <div class="chat-layout">
      <section class="conversation" aria-labelledby="conversation-title">
        <div class="conversation-head">
          <h1 id="conversation-title">Your concierge</h1>
          <a class="button secondary" href="/chat?c=new" id="new-conversation">New conversation</a>
        </div>
        <ol class="messages" id="messages" aria-live="polite" aria-relevant="additions" aria-label="Messages">
          <li class="bubble from-shopper" id="m-msg_1">
      
      <p class="meta"><span class="author">You</span> <time datetime="2026-11-21T15:00:00Z">15:00</time></p>
      <p class="text">I&#39;m cold &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;
    card •••• 1111</p>
      
    </li>
    <li class="bubble from-concierge" id="m-msg_2">
      <span class="anchor" id="latest"></span>
      <p class="meta"><span class="author">Concierge</span> <time datetime="2026-11-21T15:00:01Z">15:00</time></p>
      <p class="text">Lakeside Café is 270 m away. &lt;b&gt;WARM15&lt;/b&gt; Next step: go.</p>
      <div class="citations">
        <p class="citations-title">Sources</p>
        <ul><li>Refunds › Cards</li></ul>
      </div>
      
    </li>

          
        </ol>
        <form method="post" action="/chat" class="composer" id="chat-form">
          <input type="hidden" name="csrf" value="csrf-token">
          <input type="hidden" name="conversation" value="conv_1" id="conversation-id">
          <input type="hidden" name="turn" value="turn_snapshot000000000" id="turn-key">
          <label for="message">Your message</label>
          
          <p class="form-error" role="alert" id="script-error" hidden></p>
          <div class="composer-row">
            <textarea id="message" name="message" rows="2" maxlength="2000" required></textarea>
            <button type="submit" id="send">Send</button>
          </div>
        </form>
      </section>
      <aside class="sidebar" aria-label="Your account">
        <section class="profile" aria-labelledby="profile-title">
          <h2 id="profile-title">Ava &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;</h2>
          <p class="muted">snap@example.com · phone ending 123</p>
          <p class="muted">Member since October 2025</p>
          <dl class="facts">
            <dt>Loyalty points</dt><dd id="loyalty-points">420</dd>
            <dt>Drinks</dt><dd>Hot drinks</dd>
            <dt>Dietary</dt><dd><span class="tag">Vegan</span> </dd>
          </dl>
        </section>
        <section class="usage" id="usage" aria-labelledby="usage-title">
      <h2 id="usage-title">Today’s messages</h2>
      <meter id="usage-meter" min="0" max="30" value="3" aria-labelledby="usage-title">3 of 30</meter>
      <p id="usage-text">3 of 30 used, 27 left. Resets at <time datetime="2026-11-22T00:00:00Z">00:00</time> (Europe/London).</p>
      
    </section>

        <section class="location" aria-labelledby="location-title">
          <h2 id="location-title">Your location</h2>
          <p id="location-current">London (city centre)</p>
          
          <form method="post" action="/location" id="location-form">
            <input type="hidden" name="csrf" value="csrf-token">
            <input type="hidden" name="conversation" value="conv_1">
            <label for="city">Pick a city</label>
            <select id="city" name="city">
              <option value="">Choose…</option>
              <option value="London" selected>London</option><option value="Paris">Paris</option>
            </select>
            <fieldset class="coordinates">
              <legend>Or enter coordinates</legend>
              <label for="latitude">Latitude</label>
              <input id="latitude" name="latitude" inputmode="decimal" maxlength="20" value="">
              <label for="longitude">Longitude</label>
              <input id="longitude" name="longitude" inputmode="decimal" maxlength="20" value="">
            </fieldset>
            <div class="button-row">
              <button type="submit" id="location-submit">Update location</button>
              <button type="button" class="secondary" id="use-geolocation" hidden>Use my current location</button>
            </div>
            <p class="hint" id="geolocation-status" role="status"></p>
          </form>
          <form method="post" action="/location" class="inline-form">
            <input type="hidden" name="csrf" value="csrf-token">
            <input type="hidden" name="conversation" value="conv_1">
            <input type="hidden" name="reset" value="1">
            <button type="submit" class="link-button" id="location-reset">Use my home location</button>
          </form>
        </section>
        <nav class="conversations" aria-labelledby="conversations-title">
          <h2 id="conversations-title">Conversations</h2>
          <ul>
            <li><a href="/chat?c=conv_1" aria-current="page">I&#39;m cold &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;…</a> <span class="muted">Sat 21 Nov, 15:00</span></li>
            
          </ul>
        </nav>
      </aside>
    </div>

    </main>
    </body>
    </html>

    """#

    static let reviewerChat = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Concierge · Bramble &amp; Bean Concierge</title>
    <link rel="stylesheet" href="/public/app.css">
    <script src="/public/app.js" defer></script>
    </head>
    <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <a class="brand" href="/">Bramble &amp; Bean <span>Concierge</span></a>
      <nav class="account-nav" aria-label="Account">
        <span class="signed-in">Signed in as Ava</span>
        <form method="post" action="/logout" class="inline-form">
          <input type="hidden" name="csrf" value="csrf-token">
          <button type="submit" class="link-button" id="logout">Log out</button>
        </form>
      </nav>
    </header>
    <main id="main" tabindex="-1">
    <div class="chat-layout">
      <section class="conversation" aria-labelledby="conversation-title">
        <div class="conversation-head">
          <h1 id="conversation-title">Your concierge</h1>
          <a class="button secondary" href="/chat?c=new" id="new-conversation">New conversation</a>
          <form method="post" action="/debug" class="inline-form" id="debug-form">
            <input type="hidden" name="csrf" value="csrf-token">
            <input type="hidden" name="conversation" value="conv_1">
            <input type="hidden" name="show" value="0">
            <button type="submit" class="button secondary" id="debug-toggle" aria-pressed="true">Debug view: on</button>
          </form>
        </div>
        <ol class="messages" id="messages" aria-live="polite" aria-relevant="additions" aria-label="Messages">
          <li class="bubble from-shopper" id="m-msg_1">
      
      <p class="meta"><span class="author">You</span> <time datetime="2026-11-21T15:00:00Z">15:00</time></p>
      <p class="text">I&#39;m cold &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;
    card •••• 1111</p>
      
    </li>
    <li class="bubble from-concierge" id="m-msg_2">
      <span class="anchor" id="latest"></span>
      <p class="meta"><span class="author">Concierge</span> <time datetime="2026-11-21T15:00:01Z">15:00</time></p>
      <p class="text">Lakeside Café is 270 m away. &lt;b&gt;WARM15&lt;/b&gt; Next step: go.</p>
      <div class="citations">
        <p class="citations-title">Sources</p>
        <ul><li>Refunds › Cards</li></ul>
      </div>
      <details class="trace" open>
      <summary>Debug trace (reviewers only, masked)</summary>
      <dl class="facts">
        <dt>Intent</dt><dd class="trace-intent">comfort-cold</dd>
        <dt>Answer from</dt><dd>model</dd>
      </dl>
      <h3>Intent scores</h3>
      <ul><li>none</li></ul>
      <h3>Retrieved policy chunks</h3>
      <ul class="trace-chunks"><li>refunds &gt; Cards: 4.50 (relevant)</li></ul>
      <h3>Stores considered</h3>
      <ul class="trace-stores"><li>Lakeside Café: 270 m, Open until 22:00</li></ul>
      <h3>Coupons</h3>
      <ul class="trace-coupons">
        
        
        <li>none considered</li>
      </ul>
      <h3>Model attempts</h3>
      <ul><li>attempt 1: ok 200, 12 ms, backoff 0 ms</li></ul>
      <h3>Guard verdict</h3>
      <ul><li>PII removed: none</li><li>unknown placeholders: 0</li><li>ungrounded claims: none</li><li>regenerated: no</li><li>fell back: no</li></ul>
      <h3>Stage timings</h3>
      <ul><li>context: 2.00 ms</li></ul>
      <h3>Notes</h3>
      <ul><li>none</li></ul>
      
      <h3>Masked prompt</h3>
      <pre class="prompt">[user]
    &lt;NAME_1&gt; says &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &lt;CARD_1&gt;</pre>
    </details>

    </li>

          
        </ol>
        <form method="post" action="/chat" class="composer" id="chat-form">
          <input type="hidden" name="csrf" value="csrf-token">
          <input type="hidden" name="conversation" value="conv_1" id="conversation-id">
          <input type="hidden" name="turn" value="turn_snapshot000000000" id="turn-key">
          <label for="message">Your message</label>
          
          <p class="form-error" role="alert" id="script-error" hidden></p>
          <div class="composer-row">
            <textarea id="message" name="message" rows="2" maxlength="2000" required></textarea>
            <button type="submit" id="send">Send</button>
          </div>
        </form>
      </section>
      <aside class="sidebar" aria-label="Your account">
        <section class="profile" aria-labelledby="profile-title">
          <h2 id="profile-title">Ava &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;</h2>
          <p class="muted">snap@example.com · phone ending 123</p>
          <p class="muted">Member since October 2025</p>
          <dl class="facts">
            <dt>Loyalty points</dt><dd id="loyalty-points">420</dd>
            <dt>Drinks</dt><dd>Hot drinks</dd>
            <dt>Dietary</dt><dd><span class="tag">Vegan</span> </dd>
          </dl>
        </section>
        <section class="usage" id="usage" aria-labelledby="usage-title">
      <h2 id="usage-title">Today’s messages</h2>
      <meter id="usage-meter" min="0" max="30" value="3" aria-labelledby="usage-title">3 of 30</meter>
      <p id="usage-text">3 of 30 used, 27 left. Resets at <time datetime="2026-11-22T00:00:00Z">00:00</time> (Europe/London).</p>
      
    </section>

        <section class="location" aria-labelledby="location-title">
          <h2 id="location-title">Your location</h2>
          <p id="location-current">London (city centre)</p>
          
          <form method="post" action="/location" id="location-form">
            <input type="hidden" name="csrf" value="csrf-token">
            <input type="hidden" name="conversation" value="conv_1">
            <label for="city">Pick a city</label>
            <select id="city" name="city">
              <option value="">Choose…</option>
              <option value="London" selected>London</option><option value="Paris">Paris</option>
            </select>
            <fieldset class="coordinates">
              <legend>Or enter coordinates</legend>
              <label for="latitude">Latitude</label>
              <input id="latitude" name="latitude" inputmode="decimal" maxlength="20" value="">
              <label for="longitude">Longitude</label>
              <input id="longitude" name="longitude" inputmode="decimal" maxlength="20" value="">
            </fieldset>
            <div class="button-row">
              <button type="submit" id="location-submit">Update location</button>
              <button type="button" class="secondary" id="use-geolocation" hidden>Use my current location</button>
            </div>
            <p class="hint" id="geolocation-status" role="status"></p>
          </form>
          <form method="post" action="/location" class="inline-form">
            <input type="hidden" name="csrf" value="csrf-token">
            <input type="hidden" name="conversation" value="conv_1">
            <input type="hidden" name="reset" value="1">
            <button type="submit" class="link-button" id="location-reset">Use my home location</button>
          </form>
        </section>
        <nav class="conversations" aria-labelledby="conversations-title">
          <h2 id="conversations-title">Conversations</h2>
          <ul>
            <li><a href="/chat?c=conv_1" aria-current="page">I&#39;m cold &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;…</a> <span class="muted">Sat 21 Nov, 15:00</span></li>
            
          </ul>
        </nav>
      </aside>
    </div>

    </main>
    </body>
    </html>

    """#
}
