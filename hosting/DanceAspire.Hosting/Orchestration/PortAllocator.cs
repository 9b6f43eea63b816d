using System.Net;
using System.Net.Sockets;

namespace DanceAspire.Hosting;

internal static class PortAllocator
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>A loopback port nobody listens on now, and not handed out before by this process.</summary>
    public static int GetFreePort()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
