using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;

namespace DanceAspire.Hosting;

/// <summary>PostgreSQL from Debian's server binaries, with its data folder in the state directory.</summary>
public sealed class PostgresServerResource(string name, ParameterResource password) : ProcessResource(name), IResourceWithConnectionString
{
    public const string UserName = "postgres";
    public ParameterResource Password { get; } = password;
    public override string TypeName => "Postgres";

    public string GetConnectionString() =>
        $"Host=127.0.0.1;Port={PortOf("tcp")};Username={UserName};Password={Password.GetValue()}";

    internal string DataDirectory(RunContext context) => Path.Combine(context.ResourceDirectory(this), "data");

    internal override async Task PrepareAsync(RunContext context, CancellationToken cancellationToken)
    {
        var folder = context.ResourceDirectory(this);
        var data = DataDirectory(context);
        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            RemoveStaleLockFile(data);
            await GiveToServerUserAsync(folder, cancellationToken);
            return;
        }
        Directory.CreateDirectory(data);
        var passwordFile = Path.Combine(folder, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, Password.GetValue(), cancellationToken);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            await GiveToServerUserAsync(folder, cancellationToken);
            var (exitCode, output) = await ProcessRunner.RunAsync(new ProcessSpec(
                BinaryPath("initdb"),
                ["-D", data, "-U", UserName, $"--pwfile={passwordFile}", "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync"],
                folder) { User = UserName }, cancellationToken);
            if (exitCode != 0)
            {
                Directory.Delete(data, recursive: true);
                throw new DistributedApplicationException($"Resource '{Name}': initdb failed with code {exitCode}: {output.Trim()}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    internal override ProcessSpec GetProcessSpec(RunContext context, ResourceInstance instance) => new(
        BinaryPath("postgres"),
        ["-D", DataDirectory(context), "-p", instance.Ports["tcp"].ToString(),
         "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
        context.ResourceDirectory(this))
    {
        User = UserName,
    };

    // SIGINT is PostgreSQL's "fast" shutdown; SIGTERM would wait for every client to disconnect.
    internal override PosixSignal StopSignal => PosixSignal.SIGINT;

    internal override Func<ResourceInstance, CancellationToken, Task<bool>> ReadinessProbe => async (_, cancellationToken) =>
    {
        try
        {
            await using var connection = new NpgsqlConnection(GetConnectionString() + ";Database=postgres;Timeout=3;Pooling=false");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    };

    /// <summary>
    /// A server killed with -9 leaves postmaster.pid behind. PostgreSQL removes it itself unless the pid in it
    /// still looks alive, which an unreaped zombie (or an unrelated process reusing the pid) does; the
    /// AppHost has already ended every server of an earlier run, so a lock whose pid is not a live postgres is stale.
    /// </summary>
    private static void RemoveStaleLockFile(string data)
    {
        var lockFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(lockFile) || !int.TryParse(File.ReadLines(lockFile).FirstOrDefault(), out var pid))
        {
            return;
        }
        var command = File.Exists($"/proc/{pid}/comm") ? File.ReadAllText($"/proc/{pid}/comm").Trim() : null;
        if (command != "postgres" || PidFiles.ReadStartTime(pid) is null)
        {
            File.Delete(lockFile);
        }
    }

    /// <summary>PostgreSQL refuses to run as root, so its folder belongs to the postgres user when we are root.</summary>
    private static async Task GiveToServerUserAsync(string folder, CancellationToken cancellationToken)
    {
        if (Environment.UserName != "root")
        {
            return;
        }
        var (exitCode, output) = await ProcessRunner.RunAsync(new ProcessSpec("chown", ["-R", $"{UserName}:{UserName}", folder], folder), cancellationToken);
        if (exitCode != 0)
        {
            throw new DistributedApplicationException($"cannot give {folder} to the {UserName} user: {output.Trim()}");
        }
    }

    /// <summary>Debian keeps the server binaries under /usr/lib/postgresql/VERSION/bin, off the PATH.</summary>
    private static string BinaryPath(string name)
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions.Select(v => Path.Combine(v, "bin", name)).Where(File.Exists)
            .OrderByDescending(p => p, StringComparer.Ordinal).FirstOrDefault() ?? name;
    }
}

public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : ChildResource(name, parent), IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;
    public PostgresServerResource Server { get; } = parent;
    public override string TypeName => "PostgresDatabase";

    public string GetConnectionString() => $"{Server.GetConnectionString()};Database={DatabaseName}";

    internal override async Task InitializeAsync(RunContext context, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Server.GetConnectionString() + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Identifiers cannot be parameters; the name is quoted and comes from Program.cs, not from users.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            context.Logger.LogCreatedDatabase(DatabaseName);
        }
    }
}
