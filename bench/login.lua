-- wrk script: POST /login with correct passwords, rotating over accounts (no failure, so no throttling).
--
-- LOGINS names a file of "e-mail<TAB>password" lines; FORM_COOKIE and FORM_CSRF are one login form's nonce cookie
-- and its signed token (bench/load.py reads them from GET /login once; the token is valid for that nonce for the
-- life of the server process). Each success answers 303 to /chat with a new session.

local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
end

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local cookie = os.getenv("FORM_COOKIE") or error("FORM_COOKIE is not set")
  local csrf = os.getenv("FORM_CSRF") or error("FORM_CSRF is not set")
  requests = {}
  for line in io.lines(os.getenv("LOGINS") or error("LOGINS is not set")) do
    local email, password = line:match("^([^\t]+)\t([^\t]+)$")
    if email then
      local body = "csrf=" .. urlencode(csrf) .. "&email=" .. urlencode(email) .. "&password=" .. urlencode(password)
      table.insert(requests, wrk.format("POST", "/login", {
        ["Cookie"] = "concierge_form=" .. cookie,
        ["Content-Type"] = "application/x-www-form-urlencoded",
      }, body))
    end
  end
  next_request = index
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
