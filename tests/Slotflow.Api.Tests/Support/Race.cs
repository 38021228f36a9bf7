using Microsoft.EntityFrameworkCore;
using Slotflow.Domain.Bookings;

namespace Slotflow.Api.Tests.Support;

/// <summary>Fires booking requests (or other POSTs) all at once, each on its own connection, as racing agents would.</summary>
internal static class Race
{
    /// <summary>Sends every body to POST /v1/bookings at once and returns the status codes in request order (never a 5xx).</summary>
    public static Task<List<int>> BookAsync(SlotflowApiFactory factory, string apiKey, IEnumerable<string> bodies) =>
        PostAsync(factory, apiKey, bodies.Select(body => ("/v1/bookings", body)));

    /// <summary>Sends every (path, body) POST at once and returns the status codes in request order (never a 5xx).</summary>
    public static async Task<List<int>> PostAsync(SlotflowApiFactory factory, string apiKey, IEnumerable<(string Path, string Body)> posts)
    {
        var requests = posts.Select(post => (Client: factory.ClientWith(apiKey), post.Path, post.Body)).ToList();
        using var gate = new SemaphoreSlim(0);
        var sends = requests.Select(async r =>
        {
            await gate.WaitAsync();
            using var response = await r.Client.PostAsync(r.Path, WireJson.Body(r.Body));
            return (int)response.StatusCode;
        }).ToList();
        gate.Release(requests.Count);
        var statuses = await Task.WhenAll(sends);
        foreach (var (client, _, _) in requests)
        {
            client.Dispose();
        }

        Assert.That(statuses, Has.None.GreaterThanOrEqualTo(500), Summary([.. statuses]));
        return [.. statuses];
    }

    /// <summary>Fails if any two confirmed bookings of one human overlap (what no race may ever leave behind).</summary>
    public static async Task AssertNoOverlappingConfirmedBookingsAsync(SlotflowApiFactory factory)
    {
        var confirmed = await factory.QueryAsync(db => db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed)
            .Select(b => new { b.HumanId, b.StartsAt, b.EndsAt })
            .ToListAsync());
        var overlapping = confirmed
            .GroupBy(b => b.HumanId)
            .SelectMany(g => g.SelectMany(a => g.Where(b => !ReferenceEquals(a, b) && a.StartsAt < b.EndsAt && b.StartsAt < a.EndsAt)))
            .ToList();
        Assert.That(overlapping, Is.Empty, "no two confirmed bookings of one human may overlap");
    }

    /// <summary>"1×201, 49×409".</summary>
    public static string Summary(IEnumerable<int> statuses) =>
        string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{g.Key}"));
}
