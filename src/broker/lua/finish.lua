-- finish.lua: the outcome of one delivery (QUEUE-4, QUEUE-6, QUEUE-9).
-- ARGV: P, group, now, ttl, keep, id, sk, eid, outcome, a, b, c
--   outcome "ok":     a = result content type, b = result bytes
--   outcome "fail":   a = error code, b = message, c = retry time (epoch ms) if retries are left
--   outcome "dead":   a = error code, b = message (not retried: unknown task, bad payload)
--   outcome "lost":   the run did not end (its worker died): back to the stream, the delivery counts
--   outcome "return": never started (the consumer stops): back to the stream, the delivery does not count
--   outcome "skip":   a second delivery of a job this consumer is running: the entry goes, the run's own outcome follows
-- ARGV[13..]: the next jobs for the consumer whose slot this frees, as BullMQ's moveToFinished
-- does (one round trip instead of two): count (0 = none), consumer, maxDeliveries, rates, starts, queue names.
-- Returns { the job's state after this call (or "stale" when it was already final), the jobs taken (take()) }.
local G, now, ttl, keep, id, sk, eid, outcome = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6], ARGV[7], ARGV[8], ARGV[9]

local function outcomeOf()
  local jk = jobKey(id)
  local f = redis.call('HMGET', jk, 'state', 'queue', 'retries', 'pri')
  local state, q = f[1], f[2]
  drop(sk, G, eid)
  if not state or FINAL[state] then return 'stale' end -- QUEUE-6: a copy already ended, or it was revoked
  if outcome == 'ok' then
    redis.call('HSET', jk, 'state', 'SUCCESS', 'rct', ARGV[10], 'r', ARGV[11], 'finished', now, 'deliveries', 0)
    redis.call('HINCRBY', jk, 'attempts', 1)
    conclude(jk, id, q, 'SUCCESS', now, ttl, keep, ARGV[11])
    return 'SUCCESS'
  elseif outcome == 'fail' or outcome == 'dead' then
    local a = redis.call('HINCRBY', jk, 'attempts', 1)
    redis.call('HSET', jk, 'deliveries', 0, 'ecode', ARGV[10], 'emsg', ARGV[11])
    if outcome == 'fail' and a <= tonumber(f[3] or '0') and ARGV[12] and ARGV[12] ~= '' then
      redis.call('HSET', jk, 'state', 'RETRY')
      redis.call('ZADD', P .. ':q:' .. q .. ':delayed', tonumber(ARGV[12]), id)
      publish(jk, id, 'RETRY')
      return 'RETRY'
    end
    if outcome == 'dead' then
      redis.call('XADD', P .. ':q:' .. q .. ':dead', 'MAXLEN', '~', 10000, '*', 'id', id, 'reason', ARGV[10] .. ': ' .. ARGV[11], 'deliveries', 1, 'at', now)
    end
    redis.call('HSET', jk, 'state', 'FAILURE', 'finished', now)
    conclude(jk, id, q, 'FAILURE', now, ttl, keep)
    return 'FAILURE'
  elseif outcome == 'skip' then
    redis.call('HINCRBY', jk, 'deliveries', -1)
    return state
  else
    if outcome == 'return' then redis.call('HINCRBY', jk, 'deliveries', -1) end
    redis.call('HSET', jk, 'state', 'PENDING')
    redis.call('XADD', streamKey(q, f[4] or '1'), '*', 'id', id, 'v', '1')
    return 'PENDING'
  end
end

local state = outcomeOf()
local n = tonumber(ARGV[13] or '0') or 0
if n > 0 then
  return { state, take(G, ARGV[14], now, n, tonumber(ARGV[15]), ttl, keep, cjson.decode(ARGV[16]), cjson.decode(ARGV[17]), 'read', ARGV, 18) }
end
return { state, {} }
