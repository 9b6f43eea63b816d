using Npgsql;

namespace DanceAspire.Dispatcher;

/// <summary>
/// Makes one dispatcher at a time the writer of job transitions: a session-level Postgres advisory lock held on a
/// connection of its own (unpooled, so closing it really ends the session and frees the lock). Another replica
/// stands by and takes over when the holder's session ends, e.g. when the holder dies.
/// </summary>
internal sealed partial class DispatcherLeadership(IConfiguration configuration, TimeProvider time, ILogger<DispatcherLeadership> logger) : IAsyncDisposable
{
    /// <summary>The advisory lock's key: any constant no other part of DanceAspire uses ("DanceJob" in ASCII).</summary>
    public const long LockKey = 0x4461_6E63_654A_6F62;

    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);
    private NpgsqlConnection? _connection;
    private DateTimeOffset _lastChecked;
    private bool _announcedStandby;

    /// <summary>
    /// Whether this process holds the lock now: takes it if it is free, and at most once per second proves that the
    /// session holding it is still alive. Throws if that session broke (the caller treats it as an outage).
    /// </summary>
    public async Task<bool> TryHoldAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null)
        {
            if (time.GetUtcNow() - _lastChecked < CheckInterval)
            {
                return true;
            }
            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                await ping.ExecuteScalarAsync(cancellationToken);
                _lastChecked = time.GetUtcNow();
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                LogLost(e.Message);
                await DisposeAsync();
                throw;
            }
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("dancedb")) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        take.Parameters.AddWithValue("key", LockKey);
        if (await take.ExecuteScalarAsync(cancellationToken) is true)
        {
            _connection = connection;
            _lastChecked = time.GetUtcNow();
            _announcedStandby = false;
            LogAcquired();
            return true;
        }
        await connection.DisposeAsync();
        if (!_announcedStandby)
        {
            LogStandingBy();
            _announcedStandby = true;
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This dispatcher holds the dispatch lock and writes job transitions")]
    private partial void LogAcquired();

    [LoggerMessage(Level = LogLevel.Information, Message = "Another dispatcher holds the dispatch lock; standing by")]
    private partial void LogStandingBy();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the dispatch lock's session ({Reason}); will take the lock again when it is free")]
    private partial void LogLost(string reason);
}
