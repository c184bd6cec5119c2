-- common.lua: functions every queue script starts with (spec.md section 13).
-- A script is this file followed by the script's own file; a producer or
-- consumer in another language loads the same concatenation.
--
-- Keys are built from the prefix P (ARGV[1] of every script), so the scripts
-- touch keys they were not given: one Redis server, not Redis Cluster.
local P = ARGV[1]
local FINAL = { SUCCESS = true, FAILURE = true, REVOKED = true }

local function jobKey(id) return P .. ':j:' .. id end
local function streamKey(q, pri) return P .. ':q:' .. q .. ':s:' .. pri end

-- The waiter of a job (its rc) hears of a state change: the JSON head, a
-- newline, then the result bytes for SUCCESS (section 13.5).
local function publish(jk, id, state, result, workflow)
  local f = redis.call('HMGET', jk, 'rc', 'rct')
  local rc = f[1]
  if not rc or rc == '' then return end
  local head = '{"id":' .. cjson.encode(id) .. ',"state":"' .. state .. '"' .. (workflow and ',"workflow":true' or '') .. (result and f[2] and (',"ct":' .. cjson.encode(f[2])) or '') .. '}'
  redis.call('PUBLISH', P .. ':r:' .. rc, head .. '\n' .. (result or ''))
end

local advance -- defined below; conclude and advance call each other

-- A job became final: remember it in its state's list, let its hash expire,
-- tell its waiter, and move its workflow on.
local function conclude(jk, id, q, state, now, ttl, keep, result)
  local z = P .. ':q:' .. q .. ':z:' .. state
  redis.call('ZADD', z, now, id)
  if keep > 0 then redis.call('ZREMRANGEBYRANK', z, 0, -keep - 1) end
  if ttl > 0 then redis.call('PEXPIRE', jk, ttl) end
  publish(jk, id, state, result)
  local wf = redis.call('HGET', jk, 'wf')
  if wf and wf ~= '' then advance(wf, redis.call('HGET', jk, 'node'), state, now, ttl, keep) end
end

-- Marks a job final with an error (dead letter, expiry, revocation, upstream).
local function fail(jk, id, state, code, msg, now, ttl, keep, q)
  redis.call('HSET', jk, 'state', state, 'ecode', code, 'emsg', msg, 'finished', now)
  conclude(jk, id, q or redis.call('HGET', jk, 'queue'), state, now, ttl, keep)
end

-- Workflow node `node` of workflow `wf` became final: start or revoke the
-- nodes waiting on it (section 13.6), and end the workflow when none is left.
advance = function(wf, node, state, now, ttl, keep)
  local wk = P .. ':w:' .. wf
  local raw = redis.call('HGET', wk, 'def')
  if not raw then return end
  local def = cjson.decode(raw)
  local was = redis.call('HGET', wk, 's:' .. node)
  if FINAL[was] then return end
  redis.call('HSET', wk, 's:' .. node, state)
  local left = redis.call('HINCRBY', wk, 'left', -1)
  local work = { node }
  while #work > 0 do
    local n = table.remove(work)
    for _, child in ipairs(def.children[n] or {}) do
      if redis.call('HGET', wk, 's:' .. child) == 'WAITING' then
        local c = def.nodes[child]
        local succ, bad, done = 0, 0, 0
        for _, d in ipairs(c.deps) do
          local ds = redis.call('HGET', wk, 's:' .. d)
          if ds == 'SUCCESS' then succ = succ + 1; done = done + 1
          elseif ds == 'FAILURE' or ds == 'REVOKED' then bad = bad + 1; done = done + 1 end
        end
        local total = #c.deps
        local rule = c.rule or 'all_success'
        local go, skip = false, false
        if rule == 'all_done' then go = done == total
        elseif rule == 'one_failed' then go = bad > 0; skip = (not go) and done == total
        elseif rule == 'one_success' then go = succ > 0; skip = (not go) and done == total
        else go = succ == total; skip = bad > 0 end
        local jk = jobKey(c.job)
        if go then
          redis.call('HSET', wk, 's:' .. child, 'QUEUED')
          if c.pipe then
            if total == 1 then
              local r = redis.call('HMGET', jobKey(def.nodes[c.deps[1]].job), 'r', 'rct')
              redis.call('HSET', jk, 'p', r[1] or 'null', 'ct', r[2] or 'application/json')
            else
              local parts = {}
              for i, d in ipairs(c.deps) do parts[i] = redis.call('HGET', jobKey(def.nodes[d].job), 'r') or 'null' end
              redis.call('HSET', jk, 'p', '[' .. table.concat(parts, ',') .. ']', 'ct', 'application/json')
            end
          end
          local f = redis.call('HMGET', jk, 'queue', 'pri')
          redis.call('HSET', jk, 'state', 'PENDING')
          redis.call('XADD', streamKey(f[1], f[2] or '1'), '*', 'id', c.job, 'v', '1')
        elseif skip then
          redis.call('HSET', wk, 's:' .. child, 'REVOKED')
          left = redis.call('HINCRBY', wk, 'left', -1)
          local q = redis.call('HGET', jk, 'queue')
          redis.call('HSET', jk, 'state', 'REVOKED', 'ecode', 'CORRAL_ERR_QUEUE_UPSTREAM', 'emsg', 'node ' .. child .. ': its dependencies did not meet rule ' .. rule, 'finished', now)
          local z = P .. ':q:' .. q .. ':z:REVOKED'
          redis.call('ZADD', z, now, c.job)
          if keep > 0 then redis.call('ZREMRANGEBYRANK', z, 0, -keep - 1) end
          if ttl > 0 then redis.call('PEXPIRE', jk, ttl) end
          publish(jk, c.job, 'REVOKED')
          table.insert(work, child)
        end
      end
    end
  end
  if left <= 0 then
    local ok = true
    for _, o in ipairs(def.out) do if redis.call('HGET', wk, 's:' .. o) ~= 'SUCCESS' then ok = false end end
    local st = ok and 'SUCCESS' or 'FAILURE'
    redis.call('HSET', wk, 'state', st, 'finished', now)
    if ttl > 0 then redis.call('PEXPIRE', wk, ttl) end
    publish(wk, wf, st, nil, true)
  end
end

-- Acknowledges and deletes a stream entry: the job it names is accounted for
-- elsewhere in the same script (QUEUE-4).
local function drop(sk, group, eid)
  redis.call('XACK', sk, group, eid)
  redis.call('XDEL', sk, eid)
end

-- Hands up to `count` jobs to consumer C (QUEUE-3, QUEUE-7, QUEUE-8, QUEUE-12):
--   mode "read":  args[first..] are queue names; reads new entries, high priority first;
--   mode "given": args[first..] are stream-key, entry-id, job-id, entry version
--                 quadruples already read by a blocking XREADGROUP.
-- Returns one array per job handed out:
--   { sk, eid, id, queue, task, ct, p, attempts, retries, backoff, soft, hard, each, deliveries, key, started }
-- starts: {Q: n}: the consumer has n idle task-worker slots for queue Q, so the
-- first n jobs of Q it takes start at once and are marked STARTED here rather
-- than RECEIVED (started = "1"), which spares a round trip per job at low load.
local function take(G, C, now, count, maxDel, ttl, keep, rates, starts, mode, args, first)
  local entries = {}
  if mode == 'read' then
    for pri = 0, 2 do
      for i = first, #args do
        if #entries >= count then break end
        local sk = streamKey(args[i], pri)
        -- pcall: a stream that does not exist (no group yet) is simply empty here.
        local got = redis.pcall('XREADGROUP', 'GROUP', G, C, 'COUNT', count - #entries, 'STREAMS', sk, '>')
        if type(got) == 'table' and not got.err then
          for _, e in ipairs(got[1][2]) do
            local f, jid, v = e[2], nil, '1'
            for k = 1, #f, 2 do
              if f[k] == 'id' then jid = f[k + 1] elseif f[k] == 'v' then v = f[k + 1] end
            end
            entries[#entries + 1] = { sk, e[1], jid, v }
          end
        end
      end
    end
  else
    for i = first, #args, 4 do entries[#entries + 1] = { args[i], args[i + 1], args[i + 2], args[i + 3] } end
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
            local startsNow = (starts[q] or 0) > 0
            if startsNow then
              starts[q] = starts[q] - 1
              redis.call('HSET', jk, 'state', 'STARTED', 'consumer', C, 'received', now, 'started', now)
            else
              redis.call('HSET', jk, 'state', 'RECEIVED', 'consumer', C, 'received', now)
            end
            local j = redis.call('HMGET', jk, 'ct', 'p', 'attempts', 'retries', 'backoff', 'soft', 'hard', 'each', 'key')
            out[#out + 1] = { sk, eid, id, q, task, j[1] or '', j[2] or '', j[3] or '0', j[4] or '0', j[5] or '', j[6] or '0', j[7] or '0', j[8] or '0', tostring(d), j[9] or '', startsNow and '1' or '0' }
          end
        end
      end
    end
  end
  return out
end
