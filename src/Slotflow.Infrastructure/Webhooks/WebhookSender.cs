using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Polly.Timeout;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Infrastructure.Webhooks;

/// <summary>What one attempt got back: a status code, or the error that stopped any response arriving.</summary>
internal sealed record AttemptOutcome(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, TimeSpan Duration);

/// <summary>One signed POST of a delivery (spec §9) through the named client, whose pipeline holds the per-attempt timeout.</summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "slotflow-webhooks";

    public async Task<AttemptOutcome> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var attemptedAt = clock.GetUtcNow();
        var unixSeconds = attemptedAt.ToUnixTimeSeconds();
        var deliveryId = delivery.Id.ToString("D");

        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(delivery.Payload));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Slotflow-Signature", WebhookSignature.SlotflowHeader(delivery.SigningSecret, unixSeconds, delivery.Payload));
        request.Headers.Add("X-Slotflow-Event", delivery.Event);
        request.Headers.Add("X-Slotflow-Delivery", deliveryId);
        request.Headers.Add("webhook-id", deliveryId);
        request.Headers.Add("webhook-timestamp", unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.StandardWebhooksHeader(delivery.SigningSecret, deliveryId, unixSeconds, delivery.Payload));

        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new AttemptOutcome(attemptedAt, (int)response.StatusCode, null, stopwatch.Elapsed);
        }
        catch (TimeoutRejectedException timeout)
        {
            return new AttemptOutcome(attemptedAt, null, $"No response within {timeout.Timeout.TotalSeconds:0.###} s.", stopwatch.Elapsed);
        }
        catch (HttpRequestException failure)
        {
            var refused = failure.InnerException as WebhookTargetRefusedException;
            return new AttemptOutcome(attemptedAt, null, refused?.Message ?? failure.Message, stopwatch.Elapsed);
        }
    }
}
