/**
 * Lua scripts of the listings store. Every listing key lives under one hash
 * tag (`{listings}`), so the scripts may touch the index keys a record names
 * (one slot on a cluster too). Scripts run atomically: a listing is stored
 * whole with its index entries or not at all.
 */

/** Applies index entries (`s|z|l <TAB> rel [<TAB> extra]` per line) as adds or removals. */
const APPLY = `
local function apply(base, id, entries, add)
  for line in string.gmatch(entries, '[^\\n]+') do
    local kind, rel, extra = string.match(line, '^(%a)\\t([^\\t]+)\\t?(.*)$')
    local key = base .. rel
    if kind == 's' then
      if add then redis.call('SADD', key, id) else redis.call('SREM', key, id) end
    elseif kind == 'z' then
      if add then redis.call('ZADD', key, extra, id) else redis.call('ZREM', key, id) end
    elseif kind == 'l' then
      if add then redis.call('ZADD', key, 0, extra) else redis.call('ZREM', key, extra) end
    end
  end
end
`;

/**
 * KEYS[1] record hash. ARGV: base, id, expected revision ('' = any, '0' = must
 * be new), new revision, JSON, encoded entries. Returns 1, or 0 on a conflict.
 */
export const SAVE_SCRIPT = `${APPLY}
local current = redis.call('HGET', KEYS[1], 'r') or '0'
if ARGV[3] ~= '' and current ~= ARGV[3] then return 0 end
local old = redis.call('HGET', KEYS[1], 'x')
if old then apply(ARGV[1], ARGV[2], old, false) end
apply(ARGV[1], ARGV[2], ARGV[6], true)
redis.call('HSET', KEYS[1], 'j', ARGV[5], 'x', ARGV[6], 'r', ARGV[4])
return 1
`;

/** KEYS[1] record hash. ARGV: base, id. Removes the record and its index entries. */
export const REMOVE_SCRIPT = `${APPLY}
local old = redis.call('HGET', KEYS[1], 'x')
if old then apply(ARGV[1], ARGV[2], old, false) end
redis.call('DEL', KEYS[1])
return 1
`;

/**
 * One search page in one round trip. ARGV: base, sorted index (rel), min score
 * (exclusive: now), max ('+inf' or '(<n>'), max fee ('' = none), offset,
 * count, small-intersection threshold, paging token ('' = none), its value,
 * its TTL in ms, then the SET filters (rel). With a token, the value is kept
 * under `q:<token>` when there are more pages.
 *
 * Strategy, cheapest first:
 * 1. no SET or fee filter: a range read of the sorted index (exact count);
 * 2. a filter is empty: nothing matches;
 * 3. a fee ceiling that few listings meet joins the filters as a sorted set
 *    (ZRANGESTORE of the fee index);
 * 4. the intersection is small (a filter is small, or ZINTERCARD with a
 *    LIMIT says so): ZINTERSTORE keeps it in deadline order in a scratch key,
 *    then ZCOUNT and a range read give the exact count and the page (a broad
 *    fee ceiling is checked with one ZMSCORE);
 * 5. broad filters: walk the sorted index from the first live deadline,
 *    checking membership, until the page plus one more is found (count is
 *    exact only if the walk ran out).
 * Scratch keys are deleted before the script returns.
 * Returns total, exact (0/1), hasMore (0/1), expiry due (0/1: a published
 * deadline is at or before now), then id, JSON pairs of the page.
 */
export const SEARCH_SCRIPT = `
local base = ARGV[1]
local zkey = base .. ARGV[2]
local loArg = ARGV[3]
local lo = tonumber(loArg)
local after = '(' .. loArg
local maxS = ARGV[4]
local maxNum = math.huge
if maxS ~= '+inf' then maxNum = tonumber(string.sub(maxS, 2)) end
local maxFee = tonumber(ARGV[5])
local offset = tonumber(ARGV[6])
local count = tonumber(ARGV[7])
local small = tonumber(ARGV[8])
local token = ARGV[9]
local feeKey = base .. 'zfee'
local tmp = base .. 'tmp:hits'
local tmpFee = base .. 'tmp:fee'
local tmpPlaces = base .. 'tmp:places'
local sets = {}
for i = 12, #ARGV do
  local arg = ARGV[i]
  if string.sub(arg, 1, 2) == 'U\t' then
    -- Any of several cities, each in its state: U<TAB>set prefix<TAB>city<TAB>state<TAB>city<TAB>state...
    local parts = {}
    for part in string.gmatch(string.sub(arg, 3), '[^\t]+') do parts[#parts + 1] = part end
    local prefix = parts[1]
    for j = 2, #parts - 1, 2 do
      local stateKey = base .. 'st:' .. parts[j + 1]
      for _, id in ipairs(redis.call('SMEMBERS', base .. prefix .. parts[j])) do
        if redis.call('SISMEMBER', stateKey, id) == 1 then redis.call('SADD', tmpPlaces, id) end
      end
    end
    sets[#sets + 1] = tmpPlaces
  else
    sets[#sets + 1] = base .. arg
  end
end

local function reply(total, exact, hasMore, ids)
  if hasMore and token ~= '' then redis.call('SET', base .. 'q:' .. token, ARGV[10], 'PX', ARGV[11]) end
  local due = redis.call('ZCOUNT', base .. 'zall', '-inf', loArg) > 0
  local out = {total, exact and 1 or 0, hasMore and 1 or 0, due and 1 or 0}
  for i = 1, #ids do
    out[#out + 1] = ids[i]
    out[#out + 1] = redis.call('HGET', base .. 'L:' .. ids[i], 'j') or ''
  end
  return out
end
local function page(list)
  local ids = {}
  for i = offset + 1, math.min(#list, offset + count) do ids[#ids + 1] = list[i] end
  return reply(#list, true, #list > offset + count, ids)
end
local function feeOk(id)
  if not maxFee then return true end
  local f = redis.call('ZSCORE', feeKey, id)
  return f ~= false and tonumber(f) <= maxFee
end
local function inSets(id)
  for i = 1, #sets do
    if redis.call('SISMEMBER', sets[i], id) == 0 then return false end
  end
  return true
end

local function intersect()
  local args = {'ZINTERSTORE', tmp, 1 + #sets, zkey}
  for i = 1, #sets do args[#args + 1] = sets[i] end
  args[#args + 1] = 'WEIGHTS'
  args[#args + 1] = 1
  for i = 1, #sets do args[#args + 1] = 0 end
  redis.call(unpack(args))
  if maxFee then
    local ids = redis.call('ZRANGEBYSCORE', tmp, after, maxS)
    local list = {}
    if #ids > 0 then
      local fees = redis.call('ZMSCORE', feeKey, unpack(ids))
      for i = 1, #ids do
        if fees[i] and tonumber(fees[i]) <= maxFee then list[#list + 1] = ids[i] end
      end
    end
    return page(list)
  end
  local total = redis.call('ZCOUNT', tmp, after, maxS)
  local ids = {}
  if count > 0 then ids = redis.call('ZRANGEBYSCORE', tmp, after, maxS, 'LIMIT', offset, count) end
  return reply(total, true, total > offset + #ids, ids)
end

local function walk(inter)
  local need = offset + count + 1
  local chunk = math.min(1000, math.max(64, need * 2))
  local rank = redis.call('ZCOUNT', zkey, '-inf', loArg)
  local matches = {}
  local done = false
  while not done and #matches < need do
    local batch = redis.call('ZRANGE', zkey, rank, rank + chunk - 1, 'WITHSCORES')
    if #batch < chunk * 2 then done = true end
    for i = 1, #batch, 2 do
      if tonumber(batch[i + 1]) >= maxNum then done = true break end
      local id = batch[i]
      if inSets(id) and feeOk(id) then
        matches[#matches + 1] = id
        if #matches >= need then break end
      end
    end
    rank = rank + chunk
  end
  local ids = {}
  for i = offset + 1, math.min(#matches, offset + count) do ids[#ids + 1] = matches[i] end
  if #matches < need then return reply(#matches, true, false, ids) end
  local total = #matches
  if inter and not maxFee and maxS == '+inf' and inter > total then total = inter end
  return reply(total, false, true, ids)
end

local function run()
  if #sets == 0 and not maxFee then
    local total = redis.call('ZCOUNT', zkey, after, maxS)
    local ids = {}
    if count > 0 then ids = redis.call('ZRANGEBYSCORE', zkey, after, maxS, 'LIMIT', offset, count) end
    return reply(total, true, total > offset + #ids, ids)
  end
  local smallest = math.huge
  for i = 1, #sets do
    local n = redis.call('SCARD', sets[i])
    if n == 0 then return reply(0, true, false, {}) end
    if n < smallest then smallest = n end
  end
  if maxFee then
    local n = redis.call('ZCOUNT', feeKey, '-inf', maxFee)
    if n == 0 then return reply(0, true, false, {}) end
    if n <= small then
      redis.call('ZRANGESTORE', tmpFee, feeKey, '-inf', maxFee, 'BYSCORE')
      sets[#sets + 1] = tmpFee
      maxFee = nil
      if n < smallest then smallest = n end
    end
  end
  if #sets == 0 then return walk(nil) end
  if smallest <= small then return intersect() end
  local args = {'ZINTERCARD', 1 + #sets, zkey}
  for i = 1, #sets do args[#args + 1] = sets[i] end
  args[#args + 1] = 'LIMIT'
  args[#args + 1] = small
  local inter = redis.call(unpack(args))
  if inter == 0 then return reply(0, true, false, {}) end
  -- A count alone needs no second pass when nothing narrows it further: no fee, no deadline range,
  -- and no listing whose deadline has passed still waiting for the sweep.
  if inter < small and count == 0 and not maxFee and maxS == '+inf'
    and redis.call('ZCOUNT', zkey, '-inf', loArg) == 0 then
    return reply(inter, true, true, {})
  end
  if inter < small then return intersect() end
  return walk(inter)
end

local result = run()
redis.call('DEL', tmp, tmpFee, tmpPlaces)
return result
`;
