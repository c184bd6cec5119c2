-- promote.lua: delayed jobs whose time has come go to their streams.
-- ARGV: P, now, limit, then the queue names.
-- Returns { moved, the earliest time still waiting or -1 }.
local now, limit = tonumber(ARGV[2]), tonumber(ARGV[3])
local moved, nextAt = 0, -1
for i = 4, #ARGV do
  local q = ARGV[i]
  local dk = P .. ':q:' .. q .. ':delayed'
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', dk, '-inf', now, 'LIMIT', 0, limit)) do
    redis.call('ZREM', dk, id)
    local f = redis.call('HMGET', jobKey(id), 'state', 'pri')
    if f[1] and not FINAL[f[1]] then
      redis.call('HSET', jobKey(id), 'state', 'PENDING')
      redis.call('XADD', streamKey(q, f[2] or '1'), '*', 'id', id, 'v', '1')
      moved = moved + 1
    end
  end
  local first = redis.call('ZRANGE', dk, 0, 0, 'WITHSCORES')
  if first[2] then
    local t = tonumber(first[2])
    if nextAt < 0 or t < nextAt then nextAt = t end
  end
end
return { moved, nextAt }
