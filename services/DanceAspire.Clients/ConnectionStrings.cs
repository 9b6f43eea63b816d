using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace DanceAspire.Clients;

internal static class ConnectionStrings
{
    /// <summary>Reads ConnectionStrings:<paramref name="name"/>, failing start-up with a message that says how to fix it.</summary>
    public static string GetRequired(IHostApplicationBuilder builder, string name)
    {
        var value = builder.Configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"Connection string '{name}' is missing: set 'ConnectionStrings:{name}' " +
                $"(environment variable ConnectionStrings__{name}). The AppHost sets it for every resource a project references.");
        }
        return value;
    }
}
