using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Slotflow.Api.Tests.Support;

/// <summary>One request as the receiver saw it: raw body and headers, and the answer it gave.</summary>
public sealed record ReceivedWebhook(int Call, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredStatus)
{
    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : "";

    public string DeliveryId => Header("X-Slotflow-Delivery");
}

/// <summary>
/// A real HTTP server on 127.0.0.1 that records every webhook POST and answers as the test decides: a status code,
/// after an optional delay, or a hang until the caller gives up. It can be stopped (connections refused; requests
/// still waiting are cut off within a second) and started again on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication? _app;
    private int _calls;
    private int _waiting;
    private int _mostWaiting;

    /// <summary>Decides the answer to call number n (1-based); null means hang until the client disconnects.</summary>
    public Func<int, int?> Answer { get; set; } = _ => 200;

    /// <summary>How long each request waits before it is answered: a slow receiver.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Sent as Location with every answer, to offer a redirect.</summary>
    public string? Location { get; set; }

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>Requests that got a 2xx: the deliveries that succeeded.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => [.. _received.Where(r => r.AnsweredStatus is >= 200 and <= 299)];

    /// <summary>The most requests that were waiting out <see cref="Delay"/> at the same moment.</summary>
    public int MostDelayedAtOnce => Volatile.Read(ref _mostWaiting);

    /// <summary>Calls begun, including ones still hanging.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartOnAsync(0);
        return receiver;
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public Task RestartAsync() => StartOnAsync(Port);

    /// <summary>Waits until the condition holds; the timeout only stops a broken test from hanging.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }

            await Task.Delay(25);
        }
    }

    public Task WaitForAcceptedAsync(int count, int timeoutSeconds = 60) =>
        WaitUntilAsync(() => Task.FromResult(Accepted.Count >= count), $"{count} accepted webhook(s), have {Accepted.Count}", timeoutSeconds);

    public Task WaitForCallsAsync(int count, int timeoutSeconds = 60) =>
        WaitUntilAsync(() => Task.FromResult(Calls >= count), $"{count} webhook call(s), have {Calls}", timeoutSeconds);

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartOnAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Receiver" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.MapPost("/hooks", HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Port = new Uri(address).Port;
        _app = app;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var call = Interlocked.Increment(ref _calls);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var status = Answer(call);
        if (status is null)
        {
            _received.Enqueue(new ReceivedWebhook(call, headers, body, 0));
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (Delay > TimeSpan.Zero && !await DelayAsync(context.RequestAborted))
        {
            return; // the caller gave up, or the receiver is stopping
        }

        _received.Enqueue(new ReceivedWebhook(call, headers, body, status.Value));
        context.Response.StatusCode = status.Value;
        if (Location is not null)
        {
            context.Response.Headers.Location = Location;
        }
    }

    private async Task<bool> DelayAsync(CancellationToken aborted)
    {
        var waiting = Interlocked.Increment(ref _waiting);
        for (var most = Volatile.Read(ref _mostWaiting); waiting > most; most = Volatile.Read(ref _mostWaiting))
        {
            Interlocked.CompareExchange(ref _mostWaiting, waiting, most);
        }

        try
        {
            await Task.Delay(Delay, aborted);
            return true;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
