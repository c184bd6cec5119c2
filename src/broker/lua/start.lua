-- start.lua: jobs handed to a task worker are STARTED, unless revoked meanwhile.
-- ARGV: P, now, then job ids.
local now = ARGV[2]
for i = 3, #ARGV do
  local jk = jobKey(ARGV[i])
  if redis.call('HGET', jk, 'state') == 'RECEIVED' then redis.call('HSET', jk, 'state', 'STARTED', 'started', now) end
end
return #ARGV - 2
