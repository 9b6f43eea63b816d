namespace DanceAspire.Jobs;

/// <summary>
/// The Lua scripts behind <see cref="JobStreams"/>: StackExchange.Redis 1.2.6 has no stream API, so every stream command
/// runs through EVAL. Each script is small and does one thing; those that must not be interrupted halfway are atomic
/// because a script runs alone on the server. (The taken-keys are named inside the scripts, which suits one Redis
/// server, not Redis Cluster.)
/// </summary>
internal static class JobScripts
{
    /// <summary>KEYS[1] stream, ARGV[1] group. Creates both, reading from the start of the stream so that entries added
    /// before the group existed (after Redis lost its data) are delivered too. Returns 1 if created, 0 if it existed.</summary>
    public const string EnsureGroup = """
        local reply = redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
        if type(reply) == 'table' and reply.err then
          if string.find(reply.err, 'BUSYGROUP') then return 0 end
          return redis.error_reply(reply.err)
        end
        return 1
        """;

    /// <summary>KEYS[1] work stream; ARGV[1] channel to wake the workers, ARGV[2] values per message, ARGV[3..] the
    /// messages' fields. Appends every message, then publishes once. Returns the number appended.</summary>
    public const string Enqueue = """
        local width = tonumber(ARGV[2])
        local count = 0
        for i = 3, #ARGV, width do
          redis.call('XADD', KEYS[1], '*', unpack(ARGV, i, i + width - 1))
          count = count + 1
        end
        if count > 0 then redis.call('PUBLISH', ARGV[1], count) end
        return count
        """;

    /// <summary>
    /// KEYS[1] work stream, KEYS[2] event stream; ARGV[1] group, ARGV[2] consumer (the worker id), ARGV[3] most entries,
    /// ARGV[4] channel to wake the dispatcher, ARGV[5] the wake message, ARGV[6] taken-key prefix, ARGV[7] taken-key
    /// lifetime in seconds.
    /// Reads new entries and, in the same atomic step, removes them and appends a Started event for each: an attempt is
    /// always either in the stream or reported started, never lost between the two. An attempt taken before (a
    /// duplicate entry) is dropped. Returns the taken entries' fields.
    /// </summary>
    public const string Take = """
        local reply = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', ARGV[3], 'STREAMS', KEYS[1], '>')
        if not reply then return {} end
        local taken = {}
        for _, entry in ipairs(reply[1][2]) do
          local id, fields = entry[1], entry[2]
          redis.call('XACK', KEYS[1], ARGV[1], id)
          redis.call('XDEL', KEYS[1], id)
          local job, attempt
          for i = 1, #fields, 2 do
            if fields[i] == 'job' then job = fields[i + 1] elseif fields[i] == 'attempt' then attempt = fields[i + 1] end
          end
          if job and attempt and redis.call('SET', ARGV[6] .. job .. ':' .. attempt, ARGV[2], 'NX', 'EX', ARGV[7]) then
            redis.call('XADD', KEYS[2], '*', 'job', job, 'attempt', attempt, 'worker', ARGV[2], 'type', 'Started')
            taken[#taken + 1] = fields
          end
        end
        if #taken > 0 then redis.call('PUBLISH', ARGV[4], ARGV[5]) end
        return taken
        """;

    /// <summary>KEYS[1] event stream; ARGV[1] channel to wake the dispatcher, ARGV[2] the wake message, ARGV[3..] the event's fields.</summary>
    public const string Report = """
        redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3))
        redis.call('PUBLISH', ARGV[1], ARGV[2])
        return 1
        """;

    /// <summary>KEYS[1] stream; ARGV[1] group, ARGV[2] consumer, ARGV[3] most entries, ARGV[4] '0' for this consumer's
    /// delivered but unacknowledged entries, '>' for new ones. Returns [id, fields] pairs.</summary>
    public const string Read = """
        local reply = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', ARGV[3], 'STREAMS', KEYS[1], ARGV[4])
        if not reply then return {} end
        return reply[1][2]
        """;

    /// <summary>KEYS[1] stream; ARGV[1] group, ARGV[2..] entry ids: acknowledged and deleted, so the stream keeps only
    /// what is still to be processed.</summary>
    public const string Ack = """
        redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 2))
        return redis.call('XDEL', KEYS[1], unpack(ARGV, 2))
        """;

    /// <summary>
    /// KEYS[1] work stream; ARGV[1] taken-key prefix, ARGV[2..] 'job:attempt' of attempts queued in Postgres. Returns
    /// those that are neither waiting in the stream nor taken by a worker: lost with Redis's data, or never added.
    /// </summary>
    public const string FindMissing = """
        local present = {}
        for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', '+')) do
          local fields, job, attempt = entry[2], nil, nil
          for i = 1, #fields, 2 do
            if fields[i] == 'job' then job = fields[i + 1] elseif fields[i] == 'attempt' then attempt = fields[i + 1] end
          end
          if job and attempt then present[job .. ':' .. attempt] = true end
        end
        local missing = {}
        for i = 2, #ARGV do
          if not present[ARGV[i]] and redis.call('EXISTS', ARGV[1] .. ARGV[i]) == 0 then missing[#missing + 1] = ARGV[i] end
        end
        return missing
        """;

    /// <summary>KEYS[1] stream; ARGV[1] group, ARGV[2] consumer: removes a worker that shuts down from the group.</summary>
    public const string RemoveConsumer = """
        return redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
        """;
}
