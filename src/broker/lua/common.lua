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
