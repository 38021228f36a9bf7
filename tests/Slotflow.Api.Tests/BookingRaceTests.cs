using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Bookings;

namespace Slotflow.Api.Tests;

/// <summary>
/// Spec §6.1 over real HTTP: requests racing for one human's time end with exactly one winner, never a double
/// booking and never a 5xx; bookings of different humans do not get in each other's way.
/// </summary>
public sealed class BookingRaceTests : ServiceFixture
{
    private const int Rounds = 20;
    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    [TearDown]
    public Task NoHumanHasOverlappingConfirmedBookings() => Race.AssertNoOverlappingConfirmedBookingsAsync(Factory);

    [Test]
    public async Task FiftyRequestsForOneSlot_GiveExactlyOne201AndFortyNine409()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var humanId = await HumanSetup.CreateAsync(organization.Client, rules: Rules);

        for (var round = 0; round < Rounds; round++)
        {
            var start = Monday.AddDays(round * 7);
            var statuses = await FireAsync(organization, Enumerable.Repeat(Booking(humanId, start, 30), 50));

            Assert.Multiple(() =>
            {
                Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), $"round {round}: {Summary(statuses)}");
                Assert.That(statuses.Count(s => s == 409), Is.EqualTo(49), $"round {round}: {Summary(statuses)}");
            });
        }
    }

    [Test]
    public async Task MixedLengthsRacing_ConfirmEitherTheHourOrBothHalves()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var humanId = await HumanSetup.CreateAsync(organization.Client, rules: Rules);

        for (var round = 0; round < Rounds; round++)
        {
            var ten = Monday.AddDays(round * 7).AddHours(2);
            var requests = Enumerable.Range(0, 5).SelectMany(_ => new[]
            {
                Booking(humanId, ten, 60), Booking(humanId, ten, 30), Booking(humanId, ten.AddMinutes(30), 30),
            });

            var statuses = await FireAsync(organization, requests);

            Assert.That(statuses, Has.All.AnyOf(201, 409), $"round {round}: {Summary(statuses)}");
            var confirmed = await ConfirmedOnAsync(humanId, ten);
            Assert.That(
                confirmed,
                Is.EqualTo(new[] { (ten, 60) }).Or.EqualTo(new[] { (ten, 30), (ten.AddMinutes(30), 30) }),
                $"round {round}");
        }
    }

    [Test]
    public async Task BackToBackHalfHoursRacing_AreBothConfirmed()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var humanId = await HumanSetup.CreateAsync(organization.Client, rules: Rules);

        for (var round = 0; round < Rounds; round++)
        {
            var ten = Monday.AddDays(round * 7).AddHours(2);

            var statuses = await FireAsync(organization, [Booking(humanId, ten, 30), Booking(humanId, ten.AddMinutes(30), 30)]);

            Assert.That(statuses, Is.EqualTo(new[] { 201, 201 }), $"round {round}");
        }
    }

    [Test]
    public async Task FiftyHumansBookedAtOnce_AreAllConfirmed()
    {
        // A growth organization may have 25 active humans, so the fifty come from two organizations.
        var organizations = new[] { await Factory.CreateOrganizationAsync(), await Factory.CreateOrganizationAsync() };
        var humans = new List<(TestOrganization Organization, string HumanId)>();
        foreach (var organization in organizations)
        {
            for (var i = 0; i < 25; i++)
            {
                humans.Add((organization, await HumanSetup.CreateAsync(organization.Client, rules: Rules)));
            }
        }

        for (var round = 0; round < Rounds; round++)
        {
            var start = Monday.AddDays(round * 7);
            var responses = await Task.WhenAll(humans.Select(h =>
                h.Organization.Client.PostAsync("/v1/bookings", WireJson.Body(Booking(h.HumanId, start, 30)))));

            var statuses = responses.Select(r => (int)r.StatusCode).ToList();
            Assert.That(statuses, Has.All.EqualTo(201), $"round {round}: {Summary(statuses)}");
        }
    }

    [Test]
    public async Task ConcurrentCancelsOfOneBooking_AllAnswer200_AndTheIntervalIsFreeAgain()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var humanId = await HumanSetup.CreateAsync(organization.Client, rules: Rules);
        var created = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(Booking(humanId, Monday, 30)));
        var id = (await WireJson.ReadAsync(created)).GetProperty("id").GetString();

        var cancels = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => organization.Client.DeleteAsync($"/v1/bookings/{id}")));

        Assert.That(cancels.Select(r => (int)r.StatusCode), Has.All.EqualTo(200));
        var statuses = await FireAsync(organization, [Booking(humanId, Monday, 30)]);
        Assert.That(statuses, Is.EqualTo(new[] { 201 }));
    }

    // Mondays 09:00 in New York, from 2026-03-02 on: every round books a later week.
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private const string Rules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60]}""";

    private static string Booking(string humanId, DateTimeOffset start, int duration) =>
        $$"""{"human_id":"{{humanId}}","starts_at":"{{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","duration":{{duration}},"attendee_name":"Racer"}""";

    private Task<List<int>> FireAsync(TestOrganization organization, IEnumerable<string> bodies) =>
        Race.BookAsync(Factory, organization.ApiKey, bodies);

    private Task<List<(DateTimeOffset Start, int Duration)>> ConfirmedOnAsync(string humanId, DateTimeOffset from) =>
        Factory.QueryAsync(async db =>
        {
            var human = Guid.Parse(humanId);
            var rows = await db.Bookings.AsNoTracking()
                .Where(b => b.HumanId == human && b.Status == BookingStatus.Confirmed && b.StartsAt >= from && b.StartsAt < from.AddHours(2))
                .Select(b => new { b.StartsAt, b.DurationMinutes })
                .ToListAsync();
            return rows.OrderBy(r => r.StartsAt).Select(r => (r.StartsAt, r.DurationMinutes)).ToList();
        });

    private static string Summary(IEnumerable<int> statuses) => Race.Summary(statuses);
}
