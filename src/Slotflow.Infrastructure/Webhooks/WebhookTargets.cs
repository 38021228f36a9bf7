using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Slotflow.Application.Webhooks;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Infrastructure.Webhooks;

/// <summary>
/// Outbound safety (SSRF): unless configuration allows private targets, a webhook host must resolve only to public
/// addresses when registered, and the connection is made only to a public address it resolves to at send time,
/// so a DNS answer that changes after registration cannot reach inside.
/// </summary>
internal sealed class WebhookTargets(IOptions<WebhookDeliveryOptions> options) : IWebhookTargetPolicy
{
    public const string RefusedMessage = "url must not point at a loopback, private, link-local or metadata address.";

    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (options.Value.AllowPrivateTargets)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.IdnHost, cancellationToken);
        }
        catch (Exception unresolved) when (unresolved is SocketException or ArgumentException)
        {
            // ArgumentException: a name longer than DNS allows.
            return "url's host could not be resolved.";
        }

        return addresses.Length > 0 && addresses.All(WebhookTargetAddress.IsPublic) ? null : RefusedMessage;
    }

    /// <summary>SocketsHttpHandler.ConnectCallback: connects to the first allowed address of the host.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = await ResolveAsync(endpoint.Host, cancellationToken);
        var allowed = options.Value.AllowPrivateTargets ? addresses : [.. addresses.Where(WebhookTargetAddress.IsPublic)];
        if (allowed.Length == 0)
        {
            throw new WebhookTargetRefusedException($"{endpoint.Host} resolves to no address a webhook may be sent to.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}

internal sealed class WebhookTargetRefusedException(string message) : Exception(message);
