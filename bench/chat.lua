-- wrk script: POST /chat as logged-in shoppers, the way the page script sends a message (url-encoded form,
-- X-Requested-With: fetch, answered with the HTML fragment of the two new bubbles).
--
-- SESSIONS names a file of "session-cookie<TAB>csrf-token" lines (bench/mint_sessions.py writes it). Each wrk thread
-- takes every N-th session (N = threads) and each request the next of its sessions and the next message, so
-- consecutive requests come from different shoppers. Every message starts a new conversation (an empty
-- `conversation` field), so the cost of a turn does not grow with the run.

local messages = {
  "I'm cold",
  "any offers?",
  "where is my order?",
  "what is your refund policy?",
  "is there a vegan breakfast near me?",
}

local counter = 0
local threads = {}

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local path = os.getenv("SESSIONS") or error("SESSIONS is not set")
  local sessions = {}
  for line in io.lines(path) do
    local cookie, csrf = line:match("^([^\t]+)\t([^\t]+)$")
    if cookie then table.insert(sessions, { cookie = cookie, csrf = csrf }) end
  end
  local stride = tonumber(os.getenv("WRK_THREADS") or "1")
  requests = {}
  local m = index
  for i = index + 1, #sessions, stride do
    local session = sessions[i]
    m = m + 1
    local message = messages[(m % #messages) + 1]
    local body = "csrf=" .. urlencode(session.csrf) .. "&conversation=&message=" .. urlencode(message)
    table.insert(requests, wrk.format("POST", "/chat", {
      ["Cookie"] = "concierge_session=" .. session.cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Requested-With"] = "fetch",
    }, body))
  end
  if #requests == 0 then error("no sessions for thread " .. index) end
  next_request = 0
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
