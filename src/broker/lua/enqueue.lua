-- enqueue.lua: a new job (QUEUE-1, QUEUE-2).
-- ARGV: P, queue, id, now, due (epoch ms; <= now: ready at once), key ('' = none),
--       keyTtlMs, then the job hash's field/value pairs (section 13.2).
-- Returns { id, 1 } for a new job, { id of the live job with that key, 0 }.
local q, id, now, due, key, keyTtl = ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7])
if key ~= '' then
  local kk = P .. ':k:' .. q .. ':' .. key
  local existing = redis.call('GET', kk)
  if existing and redis.call('EXISTS', jobKey(existing)) == 1 then return { existing, 0 } end
  redis.call('SET', kk, id, 'PX', keyTtl)
end
local jk = jobKey(id)
-- The id exists: this call is a resend of one whose reply was lost (ids are
-- 128 random bits), or a producer chose an id in use; either way the job
-- stays as it is.
if redis.call('EXISTS', jk) == 1 then return { id, 0 } end
redis.call('HSET', jk, unpack(ARGV, 8))
redis.call('HSET', jk, 'v', '1', 'queue', q, 'state', 'PENDING', 'created', now, 'attempts', 0, 'deliveries', 0)
redis.call('SADD', P .. ':queues', q)
if due > now then
  redis.call('ZADD', P .. ':q:' .. q .. ':delayed', due, id)
else
  local pri = '1'
  for i = 8, #ARGV - 1, 2 do if ARGV[i] == 'pri' then pri = ARGV[i + 1] end end
  redis.call('XADD', streamKey(q, pri), '*', 'id', id, 'v', '1')
end
return { id, 1 }
