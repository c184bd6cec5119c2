-- revoke.lua: a job that is not final becomes REVOKED (QUEUE-11).
-- ARGV: P, id, now, terminate ("1"/"0"), ttl, keep. Returns the job's state after the call, or "missing".
local id, now, terminate, ttl, keep = ARGV[2], tonumber(ARGV[3]), ARGV[4] == '1', tonumber(ARGV[5]), tonumber(ARGV[6])
local jk = jobKey(id)
local f = redis.call('HMGET', jk, 'state', 'queue')
if not f[1] then return 'missing' end
if FINAL[f[1]] then return f[1] end
redis.call('ZREM', P .. ':q:' .. f[2] .. ':delayed', id)
fail(jk, id, 'REVOKED', 'CORRAL_ERR_QUEUE_REVOKED', terminate and 'revoked (terminate)' or 'revoked', now, ttl, keep, f[2])
redis.call('PUBLISH', P .. ':ctl', '{"revoke":' .. cjson.encode(id) .. ',"terminate":' .. (terminate and 'true' or 'false') .. '}')
return 'REVOKED'
