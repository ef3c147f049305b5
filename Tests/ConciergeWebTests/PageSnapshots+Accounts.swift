// Snapshots of the account and error pages (see PageSnapshots.swift).
extension PageSnapshots {
    static let login = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Log in · Bramble &amp; Bean Concierge</title>
    <link rel="stylesheet" href="/public/app.css">
    <script src="/public/app.js" defer></script>
    </head>
    <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <a class="brand" href="/">Bramble &amp; Bean <span>Concierge</span></a>
    </header>
    <main id="main" tabindex="-1">
    <section class="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">Log in</h1>
      
      <p class="form-error" role="alert" id="login-error">Nope &lt;b&gt;bold&lt;/b&gt;</p>
      <form method="post" action="/login" id="login-form">
        <input type="hidden" name="csrf" value="csrf-token">
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;@example.com" aria-describedby="login-error">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
        <button type="submit" id="login-submit">Log in</button>
      </form>
      <p>New here? <a href="/signup">Create an account</a>.</p>
    </section>

    </main>
    </body>
    </html>

    """#

    static let signup = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Create an account · Bramble &amp; Bean Concierge</title>
    <link rel="stylesheet" href="/public/app.css">
    <script src="/public/app.js" defer></script>
    </head>
    <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <a class="brand" href="/">Bramble &amp; Bean <span>Concierge</span></a>
    </header>
    <main id="main" tabindex="-1">
    <section class="card narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">Create an account</h1>
      <div class="form-error" role="alert" id="signup-errors">
        <p>Please check the form:</p>
        <ul><li>Bad &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;</li></ul>
      </div>
      <form method="post" action="/signup" id="signup-form">
        <input type="hidden" name="csrf" value="csrf-token">
        <label for="name">Name</label>
        <input id="name" name="name" autocomplete="name" required maxlength="100" value="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;">
        <label for="email">E-mail</label>
        <input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="x@example.com">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="72" aria-describedby="password-hint">
        <p class="hint" id="password-hint">At least 10 characters. A few unrelated words make a good one.</p>
        <label for="phone">Phone <span class="optional">(optional)</span></label>
        <input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="32" value="+44 7700 900123">
        <label for="city">Home city <span class="optional">(optional, for nearby stores)</span></label>
        <select id="city" name="city">
          <option value="">No city</option>
          <option value="London">London</option><option value="Paris" selected>Paris</option>
        </select>
        <fieldset>
          <legend>Drinks you usually like</legend>
          <label class="choice"><input type="radio" name="temperature" value="hot"> Hot drinks</label>
          <label class="choice"><input type="radio" name="temperature" value="cold" checked> Cold drinks</label>
          <label class="choice"><input type="radio" name="temperature" value="none"> No preference</label>
        </fieldset>
        <fieldset>
          <legend>Dietary needs <span class="optional">(optional)</span></legend>
          <label class="choice"><input type="checkbox" name="dietary[]" value="vegan" checked> Vegan</label>
          <label class="choice"><input type="checkbox" name="dietary[]" value="vegetarian"> Vegetarian</label>
          <label class="choice"><input type="checkbox" name="dietary[]" value="nut-allergy" checked> Nut allergy</label>
          <label class="choice"><input type="checkbox" name="dietary[]" value="dairy-free"> Dairy-free</label>
          <label class="choice"><input type="checkbox" name="dietary[]" value="gluten-free"> Gluten-free</label>
        </fieldset>
        <button type="submit" id="signup-submit">Create account</button>
      </form>
      <p>Already have an account? <a href="/login">Log in</a>.</p>
    </section>

    </main>
    </body>
    </html>

    """#

    static let notFound = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Page not found · Bramble &amp; Bean Concierge</title>
    <link rel="stylesheet" href="/public/app.css">
    <script src="/public/app.js" defer></script>
    </head>
    <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <a class="brand" href="/">Bramble &amp; Bean <span>Concierge</span></a>
    </header>
    <main id="main" tabindex="-1">
    <section class="card narrow" aria-labelledby="error-title">
      <h1 id="error-title">Page not found</h1>
      <p>There is nothing here.</p>
      <p class="status">Error 404</p>
      <p><a href="/">Back to the concierge</a></p>
    </section>

    </main>
    </body>
    </html>

    """#
}
