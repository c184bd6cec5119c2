-- fetch.lua: take jobs for consumer C (take() in common.lua).
-- ARGV: P, group, consumer, now, count, maxDeliveries, ttl, keep, rates (JSON
--       {"Q.T": [max, windowMs]}), starts (JSON {"Q": idle slots}), mode ("read"
--       or "given"), then the queue names (read) or the entries already read (given).
return take(ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8]), cjson.decode(ARGV[9]), cjson.decode(ARGV[10]), ARGV[11], ARGV, 12)
