using System.Net;

namespace Slotflow.Domain.Webhooks;

/// <summary>
/// Whether an outbound webhook may be posted to an address: only globally routable unicast, so that a
/// registered URL cannot reach loopback, private, link-local or cloud metadata addresses (SSRF).
/// </summary>
public static class WebhookTargetAddress
{
    // IPv6 forms that carry an IPv4 address, and the byte offset of that address; they are judged by it.
    private static readonly ((byte[] Network, int PrefixLength) Range, int Offset)[] EmbeddingIPv4 =
    [
        (Cidr("::/96"), 12),          // IPv4-compatible (also :: and ::1, judged as 0.0.0.0 and 0.0.0.1)
        (Cidr("::ffff:0:0/96"), 12),  // IPv4-mapped
        (Cidr("64:ff9b::/96"), 12),   // NAT64
        (Cidr("2002::/16"), 2),       // 6to4
    ];

    // Outside 2000::/3 IPv6 is never global unicast: fc00::/7 unique-local (fd00:ec2::254), fe80::/10
    // link-local, ff00::/8 multicast, 100::/64 discard and the rest are refused by this alone.
    private static readonly (byte[] Network, int PrefixLength) GlobalUnicastIPv6 = Cidr("2000::/3");

    private static readonly (byte[] Network, int PrefixLength)[] Refused =
    [
        .. new[]
        {
            "0.0.0.0/8",          // "this network"
            "10.0.0.0/8",         // private
            "100.64.0.0/10",      // carrier-grade NAT
            "127.0.0.0/8",        // loopback
            "169.254.0.0/16",     // link-local, cloud metadata 169.254.169.254
            "172.16.0.0/12",      // private
            "192.0.0.0/24",       // IETF protocol assignments
            "192.0.2.0/24",       // documentation
            "192.88.99.0/24",     // former 6to4 relay anycast
            "192.168.0.0/16",     // private
            "198.18.0.0/15",      // benchmarking
            "198.51.100.0/24",    // documentation
            "203.0.113.0/24",     // documentation
            "168.63.129.16/32",   // Azure's platform endpoint (metadata and health of the host)
            "224.0.0.0/4",        // multicast
            "240.0.0.0/4",        // reserved, and 255.255.255.255 broadcast
            "2001::/23",          // IETF protocol assignments: Teredo, benchmarking, ORCHID
            "2001:db8::/32",      // documentation
            "3fff::/20",          // documentation
        }.Select(Cidr),
    ];

    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        var bytes = address.GetAddressBytes();
        foreach (var (range, offset) in EmbeddingIPv4)
        {
            if (IsIn(bytes, range))
            {
                bytes = bytes[offset..(offset + 4)];
                break;
            }
        }

        if (bytes.Length == 16 && !IsIn(bytes, GlobalUnicastIPv6))
        {
            return false;
        }

        return !Refused.Any(range => IsIn(bytes, range));
    }

    private static bool IsIn(byte[] address, (byte[] Network, int PrefixLength) range)
    {
        if (address.Length != range.Network.Length)
        {
            return false;
        }

        for (var (i, bits) = (0, range.PrefixLength); bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (0xFF00 >> bits) & 0xFF;
            if (((address[i] ^ range.Network[i]) & mask) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static (byte[] Network, int PrefixLength) Cidr(string cidr)
    {
        var network = IPNetwork.Parse(cidr);
        return (network.BaseAddress.GetAddressBytes(), network.PrefixLength);
    }
}
