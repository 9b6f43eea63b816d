using System.Net.Sockets;
using System.Text;

namespace DanceAspire.Hosting;

/// <summary>Redis from Debian's redis-server, password-protected, its append-only file in the state directory.</summary>
public sealed class RedisResource(string name, ParameterResource password) : ProcessResource(name), IResourceWithConnectionString
{
    public ParameterResource Password { get; } = password;
    public override string TypeName => "Redis";

    public string GetConnectionString() => $"127.0.0.1:{PortOf("tcp")},password={Password.GetValue()}";

    internal override ProcessSpec GetProcessSpec(RunContext context, ResourceInstance instance) => new(
        "redis-server",
        ["--bind", "127.0.0.1", "--port", instance.Ports["tcp"].ToString(), "--requirepass", Password.GetValue(),
         "--dir", context.ResourceDirectory(this), "--appendonly", "yes", "--save", "", "--daemonize", "no", "--logfile", ""],
        context.ResourceDirectory(this));

    internal override Func<ResourceInstance, CancellationToken, Task<bool>> ReadinessProbe => async (instance, cancellationToken) =>
    {
        // AUTH then PING in plain RESP: two simple-string replies mean the server is up and the password right.
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", instance.Ports["tcp"], cancellationToken);
        var stream = client.GetStream();
        var password = Password.GetValue();
        var request = $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var auth = await reader.ReadLineAsync(timeout.Token);
        var ping = await reader.ReadLineAsync(timeout.Token);
        return auth == "+OK" && ping == "+PONG";
    };
}
