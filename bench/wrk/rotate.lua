-- wrk script for the read scenarios: every request takes the next seeded user's token (and one of that user's notes),
-- so the load spreads over all users as a dashboard's traffic would. done() prints the run's numbers as one JSON line.
-- An update rewrites the note with new text each time, so each one keeps a revision.
-- Arguments: <scenario: floor|me|list|list-tag|trash|get|update> <file of "token noteId" lines>
local scenario, users, next_user, updates = nil, {}, 0, 0

function init(args)
  scenario = args[1]
  for line in io.lines(args[2]) do
    local token, note = line:match("^(%S+)%s+(%S+)$")
    users[#users + 1] = { auth = "Bearer " .. token, note = "/api/notes/" .. note }
  end
  next_user = math.random(#users)
end

function request()
  if scenario == "floor" then
    return wrk.format("GET", "/healthz/live")
  end
  next_user = next_user % #users + 1
  local user = users[next_user]
  local headers = { Authorization = user.auth }
  if scenario == "me" then
    return wrk.format("GET", "/api/auth/me", headers)
  elseif scenario == "list" then
    return wrk.format("GET", "/api/notes?page=1&pageSize=20", headers)
  elseif scenario == "list-tag" then
    return wrk.format("GET", "/api/notes?tag=work&page=1&pageSize=20", headers)
  elseif scenario == "trash" then
    return wrk.format("GET", "/api/notes?view=trash&page=1&pageSize=20", headers)
  elseif scenario == "get" then
    return wrk.format("GET", user.note, headers)
  elseif scenario == "update" then
    updates = updates + 1
    headers["Content-Type"] = "application/json"
    return wrk.format("PUT", user.note, headers, '{"title":"updated by the benchmark","description":"update ' .. updates .. '"}')
  end
  error("unknown scenario " .. tostring(scenario))
end

done = dofile(os.getenv("BENCH_WRK_DIR") .. "/summary.lua")
