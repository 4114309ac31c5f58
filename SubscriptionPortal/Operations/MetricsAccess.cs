using System.Net;

namespace SubscriptionPortal.Operations;

/// <summary>
/// Who may read <c>/metrics</c>: the addresses and networks of <c>Metrics:AllowedAddresses</c>
/// (e.g. <c>127.0.0.1</c>, <c>10.0.0.0/8</c>), loopback only when the list is empty. The address is
/// the connection's: behind a proxy, list the proxy's.
/// </summary>
internal sealed class MetricsAccess
{
    private readonly IReadOnlyList<IPNetwork> allowed;

    public MetricsAccess(IConfiguration configuration)
    {
        var entries = configuration.GetSection("Metrics:AllowedAddresses").Get<string[]>() ?? [];
        if (entries.Length == 0)
        {
            entries = ["127.0.0.1/8", "::1/128"];
        }

        allowed = [.. entries.Select(Parse)];
    }

    public bool Allows(IPAddress? remote)
    {
        if (remote is null)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return allowed.Any(network => network.Contains(remote));
    }

    private static IPNetwork Parse(string entry)
    {
        if (IPNetwork.TryParse(entry, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(entry, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new InvalidOperationException($"Metrics:AllowedAddresses has '{entry}', which is neither an IP address nor a network such as 10.0.0.0/8.");
    }
}
