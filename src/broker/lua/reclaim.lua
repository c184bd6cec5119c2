-- reclaim.lua: the pending entries of consumers that are gone go back to
-- their streams (QUEUE-5). A consumer is gone when its P:alive:C key has
-- expired: it did not refresh it for a visibility timeout.
-- ARGV: P, group, me, then the queue names. Returns the entries moved.
local G, me = ARGV[2], ARGV[3]
local moved = 0
for i = 4, #ARGV do
  for pri = 0, 2 do
    local sk = streamKey(ARGV[i], pri)
    if redis.call('EXISTS', sk) == 1 then
      for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', sk, G)) do
        local name, pending
        for k = 1, #c, 2 do
          if c[k] == 'name' then name = c[k + 1] elseif c[k] == 'pending' then pending = c[k + 1] end
        end
        if name ~= me and redis.call('EXISTS', P .. ':alive:' .. name) == 0 then
          if pending > 0 then
            for _, p in ipairs(redis.call('XPENDING', sk, G, '-', '+', 1000, name)) do
              local e = redis.call('XRANGE', sk, p[1], p[1])
              drop(sk, G, p[1])
              if e[1] then
                local f, id = e[1][2], nil
                for k = 1, #f, 2 do if f[k] == 'id' then id = f[k + 1] end end
                if id then
                  local st = redis.call('HGET', jobKey(id), 'state')
                  if st and not FINAL[st] then
                    redis.call('HSET', jobKey(id), 'state', 'PENDING')
                    redis.call('XADD', sk, '*', 'id', id, 'v', '1')
                    moved = moved + 1
                  end
                end
              end
            end
          end
          if #redis.call('XPENDING', sk, G, '-', '+', 1, name) == 0 then redis.call('XGROUP', 'DELCONSUMER', sk, G, name) end
        end
      end
    end
  end
end
return moved
