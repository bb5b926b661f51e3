-- wrk script for writes: adds a note, and deletes each added note with the next request, so the collection stays the
-- size it was seeded at (the engine's inserts slow down as a collection grows). One user writes, so every id it reads
-- back from a 201 is its own to delete. Arguments: <token>
local auth, added = nil, {}

function init(args)
  auth = "Bearer " .. args[1]
end

function request()
  local id = table.remove(added)
  if id then
    return wrk.format("DELETE", "/api/notes/" .. id, { Authorization = auth })
  end
  return wrk.format("POST", "/api/notes", { Authorization = auth, ["Content-Type"] = "application/json" },
    '{"title":"benchmark note","description":"added and deleted again by the benchmark"}')
end

function response(status, headers, body)
  if status == 201 then
    added[#added + 1] = body:match('"id":"(%x+)"')
  end
end

done = dofile(os.getenv("BENCH_WRK_DIR") .. "/summary.lua")
