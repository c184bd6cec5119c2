-- fetch.lua: take jobs for consumer C (QUEUE-3, QUEUE-7, QUEUE-8, QUEUE-12).
-- ARGV: P, group, consumer, now, count, maxDeliveries, ttl, keep, rates (JSON
--       {"Q.T": [max, windowMs]}), mode, then
--   mode "read":  the queue names; reads up to count new entries, high priority first;
--   mode "given": stream-key, entry-id, job-id, entry version: entries already read by a blocking XREADGROUP.
-- Returns one array per job it hands out:
--   { sk, eid, id, queue, task, ct, p, attempts, retries, backoff, soft, hard, each, deliveries, key }
local G, C, now, count, maxDel, ttl, keep = ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local rates = cjson.decode(ARGV[9])
local mode = ARGV[10]

local entries = {}
if mode == 'read' then
  for pri = 0, 2 do
    for i = 11, #ARGV do
      if #entries >= count then break end
      local sk = streamKey(ARGV[i], pri)
      if redis.call('EXISTS', sk) == 1 then
        local got = redis.call('XREADGROUP', 'GROUP', G, C, 'COUNT', count - #entries, 'STREAMS', sk, '>')
        if got then
          for _, e in ipairs(got[1][2]) do
            local f, jid = e[2], nil
            for k = 1, #f, 2 do if f[k] == 'id' then jid = f[k + 1] end end
            local v = '1'
            for k = 1, #f, 2 do if f[k] == 'v' then v = f[k + 1] end end
            entries[#entries + 1] = { sk, e[1], jid, v }
          end
        end
      end
    end
  end
else
  for i = 11, #ARGV, 4 do entries[#entries + 1] = { ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3] } end
end

local out = {}
for _, e in ipairs(entries) do
  local sk, eid, id, v = e[1], e[2], e[3], e[4]
  local jk = id and jobKey(id)
  if not id or redis.call('EXISTS', jk) == 0 then
    -- An entry naming no job: a dead letter, nothing to run (QUEUE-7).
    local q = string.match(sk, ':q:(.*):s:%d$')
    redis.call('XADD', P .. ':q:' .. q .. ':dead', 'MAXLEN', '~', 10000, '*', 'id', id or '', 'reason', 'CORRAL_ERR_QUEUE_DEAD_LETTER: the entry names no job', 'deliveries', 0, 'at', now)
    drop(sk, G, eid)
  else
    local f = redis.call('HMGET', jk, 'state', 'queue', 'task', 'expires', 'v')
    local state, q, task, expires = f[1], f[2] or string.match(sk, ':q:(.*):s:%d$'), f[3], tonumber(f[4] or '0') or 0
    -- The newer of the entry's and the hash's versions decides.
    local version = math.max(tonumber(v) or 0, tonumber(f[5] or '1') or 0)
    if version ~= 1 then
      local why = 'queue format ' .. tostring(version) .. (version > 1 and ' is newer than' or ' is not one') .. ' this consumer knows (1)'
      redis.call('XADD', P .. ':q:' .. q .. ':dead', 'MAXLEN', '~', 10000, '*', 'id', id, 'reason', 'CORRAL_ERR_QUEUE_VERSION: ' .. why, 'deliveries', 0, 'at', now)
      drop(sk, G, eid)
      fail(jk, id, 'FAILURE', 'CORRAL_ERR_QUEUE_VERSION', why, now, ttl, keep, q)
    elseif not task or not state then
      -- A hash without its required fields (section 13.2): nothing to run.
      local why = 'the job hash lacks ' .. (task and 'state' or 'task')
      redis.call('XADD', P .. ':q:' .. q .. ':dead', 'MAXLEN', '~', 10000, '*', 'id', id, 'reason', 'CORRAL_ERR_QUEUE_DEAD_LETTER: ' .. why, 'deliveries', 0, 'at', now)
      drop(sk, G, eid)
      fail(jk, id, 'FAILURE', 'CORRAL_ERR_QUEUE_DEAD_LETTER', why, now, ttl, keep, q)
    elseif FINAL[state] then
      drop(sk, G, eid) -- revoked while it waited, or a copy that was already run
    elseif expires > 0 and now > expires then
      drop(sk, G, eid)
      fail(jk, id, 'REVOKED', 'CORRAL_ERR_QUEUE_REVOKED', 'expired unstarted', now, ttl, keep)
    else
      local limit = rates[q .. '.' .. task]
      local over = false
      if limit then
        local window = math.floor(now / limit[2])
        local rk = P .. ':rate:' .. q .. ':' .. task .. ':' .. window
        local n = redis.call('INCR', rk)
        if n == 1 then redis.call('PEXPIRE', rk, limit[2] * 2) end
        if n > limit[1] then
          over = true
          drop(sk, G, eid)
          redis.call('HSET', jk, 'state', 'PENDING')
          redis.call('ZADD', P .. ':q:' .. q .. ':delayed', (window + 1) * limit[2], id)
        end
      end
      if not over then
        local d = redis.call('HINCRBY', jk, 'deliveries', 1)
        if d > maxDel then
          redis.call('XADD', P .. ':q:' .. q .. ':dead', 'MAXLEN', '~', 10000, '*', 'id', id, 'reason', 'CORRAL_ERR_QUEUE_DEAD_LETTER: delivered ' .. (d - 1) .. ' times without a run ending', 'deliveries', d - 1, 'at', now)
          drop(sk, G, eid)
          fail(jk, id, 'FAILURE', 'CORRAL_ERR_QUEUE_DEAD_LETTER', 'delivered ' .. (d - 1) .. ' times without a run ending (its worker or consumer kept dying); moved to ' .. P .. ':q:' .. q .. ':dead', now, ttl, keep)
        else
          redis.call('HSET', jk, 'state', 'RECEIVED', 'consumer', C, 'received', now)
          local j = redis.call('HMGET', jk, 'ct', 'p', 'attempts', 'retries', 'backoff', 'soft', 'hard', 'each', 'key')
          out[#out + 1] = { sk, eid, id, q, task, j[1] or '', j[2] or '', j[3] or '0', j[4] or '0', j[5] or '', j[6] or '0', j[7] or '0', j[8] or '0', tostring(d), j[9] or '' }
        end
      end
    end
  end
end
return out
