using DanceAspire.Jobs;
using Npgsql;
using StackExchange.Redis;

namespace DanceAspire.Dispatcher;

internal static class DispatcherFaults
{
    /// <summary>Whether <paramref name="exception"/> means Redis or Postgres cannot be reached right now (retry later), not a bad job.</summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException server => JobStreams.IsMissingGroup(server) || server.Message.StartsWith("LOADING", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException or System.Net.Sockets.SocketException => true,
        _ => false,
    };
}
