-- GET /api/cases/{id}, cycling through the ids in the file named by IDS (one id a line).
-- Each wrk thread starts at a different offset so the threads do not read the same rows in step.
local token = os.getenv("TOKEN") or error("set TOKEN")
local ids = {}
for line in io.lines(os.getenv("IDS") or error("set IDS")) do
  if #line > 0 then ids[#ids + 1] = line end
end
if #ids == 0 then error("no ids in " .. os.getenv("IDS")) end

local counter = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end

function init(args)
  counter = offset or 0
end

function request()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  return wrk.format("GET", "/api/cases/" .. id, { ["Authorization"] = "Bearer " .. token })
end

dofile(os.getenv("REPORT_LUA"))
