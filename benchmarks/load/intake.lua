-- POST /api/cases with the fictional client of intake.json; the token comes from TOKEN.
local token = os.getenv("TOKEN") or error("set TOKEN")
local file = assert(io.open(os.getenv("BODY") or error("set BODY"), "rb"))

wrk.method = "POST"
wrk.path = "/api/cases"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = file:read("*a")
file:close()

dofile(os.getenv("REPORT_LUA"))
