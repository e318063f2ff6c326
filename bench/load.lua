-- A realistic mix for wrk: searches (full pages and htmx partials), supplier pages,
-- "Välj leverantör" dialogs and KA lookups. bench/load writes bench/out/paths.lua first.
dofile("bench/out/paths.lua")

local municipalities = {"0180", "1480", "1280", "0380", "0580", "1880", "2480", "2584", "0980", "1283"}
local languages = {"ar", "so", "ti", "fa", "en", "pl", "uk", "fi"}
local industries = {"data-it", "transport-distribution-lager", "halso-och-sjukvard", "bygg-och-anlaggning"}
local sorts = {"", "betyg", "omdomen", "namn", "narmast"}

local function pick(list) return list[math.random(#list)] end

local function search_path()
  local parts = {}
  if math.random() < 0.7 then table.insert(parts, "kommun=" .. pick(municipalities)) end
  if math.random() < 0.5 then table.insert(parts, "sprak=" .. pick(languages)) end
  if math.random() < 0.3 then table.insert(parts, "bransch=" .. pick(industries)) end
  if math.random() < 0.2 then table.insert(parts, "distans=1") end
  if math.random() < 0.2 then table.insert(parts, "betyg=" .. math.random(3, 4)) end
  if math.random() < 0.4 then table.insert(parts, "sortering=" .. pick(sorts)) end
  if math.random() < 0.2 then table.insert(parts, "sida=2") end
  return "/leverantorer/?" .. table.concat(parts, "&")
end

request = function()
  local roll = math.random()
  local headers = {}
  local path
  if roll < 0.30 then
    path = search_path()
  elseif roll < 0.50 then
    path = search_path()
    headers["HX-Request"] = "true"
  elseif roll < 0.75 then
    path = "/leverantorer/" .. pick(slugs) .. "/"
  elseif roll < 0.88 then
    local slug, key = string.match(pick(offices), "([^/]+)/([^/]+)/([^/]+)")
    path = "/leverantorer/" .. slug .. "/kontor/" .. key .. "/valj/"
    if math.random() < 0.7 then headers["HX-Request"] = "true" end
  else
    local ka = string.match(pick(offices), "[^/]+/[^/]+/([^/]+)")
    path = "/ka/" .. ka .. "/"
  end
  return wrk.format("GET", path, headers)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests: %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("requests/s: %.1f\n", summary.requests / seconds))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%d latency: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  local errors = summary.errors
  io.write(string.format("non-2xx/3xx responses: %d\n", errors.status))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    errors.connect, errors.read, errors.write, errors.timeout))
end
