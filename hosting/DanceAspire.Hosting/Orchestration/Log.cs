using Microsoft.Extensions.Logging;

namespace DanceAspire.Hosting;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    public static partial void LogCreatedDatabase(this ILogger logger, string database);
}
