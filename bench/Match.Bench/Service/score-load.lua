-- wrk script for POST /roles/{id}/score with stored résumés: random pairs from roles 1..ROLES × résumés 1..RESUMES.
-- MATCH_API_KEY=... wrk -t2 -c50 -d30s --latency -s bench/Match.Bench/Service/score-load.lua http://127.0.0.1:5080
local roles = tonumber(os.getenv("ROLES") or "50")
local resumes = tonumber(os.getenv("RESUMES") or "200")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = os.getenv("MATCH_API_KEY") or ""

request = function()
  local path = "/roles/" .. math.random(1, roles) .. "/score"
  return wrk.format(nil, path, nil, '{"resumeId":' .. math.random(1, resumes) .. '}')
end

response = function(status)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
end
