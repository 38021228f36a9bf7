using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Infrastructure.Persistence;
using Slotflow.Infrastructure.Persistence.Repositories;

namespace Slotflow.Api.Tests;

/// <summary>
/// What one booking costs the database, counted with a command interceptor so that a later change cannot quietly add a
/// round trip, and how often a booking is decided when many race for one human.
/// </summary>
public sealed class BookingRoundTripTests : ServiceFixture
{
    private static readonly DateTimeOffset MondayNine = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero); // 09:00 New York

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly CommandCounter _commands = new();
    private TestOrganization _organization = null!;

    protected override TimeProvider Clock => _clock;

    /// <summary>No delivery worker: its sends and their commits would run beside the booking being counted.</summary>
    protected override Dictionary<string, string?> Settings() => new() { ["Webhooks:WorkerEnabled"] = "false" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(_commands);
    }

    [SetUp]
    public async Task NewOrganization() => _organization = await Factory.CreateOrganizationAsync();

    [Test]
    public async Task Booking_IsOneTransaction_OfTheReadsTheWriteAndTheQuota_WithAWebhookSubscribed()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await WebhookTestKit.RegisterAsync(_organization.Client, "https://hooks.example.com/slotflow", "booking.confirmed");
        Assert.That((await BookAsync(humanId, MondayNine)).StatusCode, Is.EqualTo(HttpStatusCode.Created)); // the month's first: its rows are made

        _commands.Commands.Clear();
        var response = await BookAsync(humanId, MondayNine.AddMinutes(30));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var sent = _commands.OfRequests();
        var listing = string.Join("\n---\n", sent);
        Assert.That(sent.Count(c => c == CommandCounter.Commit), Is.EqualTo(1), listing);
        Assert.That(sent[^1], Is.EqualTo(CommandCounter.Commit), "nothing is sent after the commit:\n" + listing);
        // The human (locked, with its overrides when not kept, its bookings near the interval and the organization's
        // version, which tells that the kept webhook list is current), the booking with the human's token and the
        // delivery, and the quota's one row.
        var expected = TestDatabase.Provider == DatabaseProvider.Sqlite ? 5 : 3; // SQLite sends each write of a save on its own
        Assert.That(sent, Has.Count.LessThanOrEqualTo(expected + 1), listing);
    }

    [Test]
    public async Task ManyBookingsOfOneHumanAtOnce_AtDifferentTimes_AllSucceed_EachDecidedOnceOnTheServers()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        _commands.Commands.Clear();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => BookAsync(humanId, MondayNine.AddMinutes(30 * i))));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        // Each booking decides once: they queue on the human's row (or SQLite's one writer) instead of deciding at once
        // and all but one conflicting. One that waited for the row reads it once more, holding it.
        Assert.That(Decisions(), Is.EqualTo(16));
        Assert.That(Rereads(), Is.LessThanOrEqualTo(15));
    }

    [Test]
    public async Task ManyBookingsOfOneSlotAtOnce_OneWins_TheOthersAre409_AfterAtMostOneRedecisionEach()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        _commands.Commands.Clear();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => BookAsync(humanId, MondayNine)));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1));
        Assert.That(statuses.Count(s => s == 409), Is.EqualTo(19));
        foreach (var lost in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await WireJson.AssertErrorAsync(lost, HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        }

        Assert.That(Decisions(), Is.EqualTo(20), "the losers queue behind the winner and each decides once, on what it saved");
    }

    private int Decisions() => HumanReads() - Rereads();

    private int HumanReads() => _commands.Commands.Count(sql => sql.Contains(HumanRowLock.Tag, StringComparison.Ordinal));

    private int Rereads() => _commands.Commands.Count(sql => sql.Contains(HumanRepository.RereadTag, StringComparison.Ordinal));

    private Task<HttpResponseMessage> BookAsync(string humanId, DateTimeOffset start) =>
        _organization.Client.PostAsync(
            "/v1/bookings",
            WireJson.Body($$"""{"human_id":"{{humanId}}","starts_at":"{{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","duration":30,"attendee_name":"Race"}"""));
}
