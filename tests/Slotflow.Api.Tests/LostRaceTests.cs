using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>
/// A booking, a hold or a reschedule whose save loses its race is decided once more; one that loses twice is answered
/// 409 SLOT_UNAVAILABLE with the nearest free slots, like any other taken time (spec §11.3), and writes nothing. The
/// lost race is made real in SQL: the human's version-token UPDATE is made to match no row, which is what a
/// concurrent writer's commit does to it.
/// </summary>
public sealed partial class LostRaceTests : ServiceFixture
{
    private const string MondayTen = "2026-03-16T14:00:00Z";

    private readonly SettableClock _clock = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly LoseTokenUpdates _races = new();
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    protected override TimeProvider Clock => _clock;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(_races);

    [SetUp]
    public async Task NewOrganizationAndHuman()
    {
        _races.Reset();
        _organization = await Factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client);
    }

    [Test]
    public async Task ABookingThatLosesOnce_IsDecidedAgainAndBooked()
    {
        _races.Lose(1);

        var response = await BookAsync(MondayTen);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(_races.Lost, Is.EqualTo(1));
        Assert.That(await BookingStartsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ABookingThatLosesTwice_Is409WithAlternatives_AndWritesNothing()
    {
        _races.Lose(int.MaxValue);

        var response = await BookAsync(MondayTen);

        await AssertRefusedWithBookableAlternativesAsync(response);
        Assert.That(_races.Lost, Is.EqualTo(2), "decided twice, not more");
    }

    [Test]
    public async Task AHoldThatLosesTwice_Is409WithAlternatives_AndWritesNothing()
    {
        _races.Lose(int.MaxValue);

        var response = await _organization.Client.PostAsync("/v1/holds", WireJson.Body(
            $$"""{"human_id":"{{_humanId}}","starts_at":"{{MondayTen}}","duration":30}"""));

        await AssertRefusedWithBookableAlternativesAsync(response);
        Assert.That(_races.Lost, Is.EqualTo(2));
        Assert.That(await Factory.QueryAsync(db => db.Holds.AsNoTracking().CountAsync(h => h.OrganizationId == _organization.Id)), Is.Zero);
    }

    [Test]
    public async Task ARescheduleThatLosesTwice_Is409WithAlternatives_AndLeavesTheBookingWhereItWas()
    {
        var booked = await BookAsync("2026-03-17T14:00:00Z");
        var id = (await WireJson.ReadAsync(booked)).GetProperty("id").GetString()!;
        _races.Lose(int.MaxValue);

        var response = await _organization.Client.PostAsync($"/v1/bookings/{id}/reschedule", WireJson.Body($$"""{"starts_at":"{{MondayTen}}"}"""));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        Assert.That(error.GetProperty("alternatives").GetArrayLength(), Is.EqualTo(3), error.ToString());
        Assert.That(_races.Lost, Is.EqualTo(2));
        Assert.That(await BookingStartsAsync(), Is.EqualTo(new[] { new DateTimeOffset(2026, 3, 17, 14, 0, 0, TimeSpan.Zero) }));
    }

    private async Task AssertRefusedWithBookableAlternativesAsync(HttpResponseMessage response)
    {
        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.Conflict, "SLOT_UNAVAILABLE");
        var alternatives = error.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("starts_at").GetString()!).ToList();
        Assert.That(alternatives, Has.Count.EqualTo(3), error.ToString());
        Assert.That(await BookingStartsAsync(), Is.Empty, "the refused request wrote nothing");

        _races.Lose(0);
        foreach (var start in alternatives)
        {
            var booked = await BookAsync(start);
            Assert.That(booked.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"{start}: {await booked.Content.ReadAsStringAsync()}");
        }
    }

    private Task<HttpResponseMessage> BookAsync(string startsAt) =>
        _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{_humanId}}","starts_at":"{{startsAt}}","duration":30,"attendee_name":"Grace"}"""));

    private Task<List<DateTimeOffset>> BookingStartsAsync() =>
        Factory.QueryAsync(db => db.Bookings.AsNoTracking().Where(b => b.OrganizationId == _organization.Id).Select(b => b.StartsAt).ToListAsync());

    /// <summary>Makes the next <see cref="Lose"/> UPDATEs of a human's row match nothing, as if another writer had moved its version first.</summary>
    private sealed partial class LoseTokenUpdates : DbCommandInterceptor
    {
        private int _toLose;
        private int _lost;

        public int Lost => Volatile.Read(ref _lost);

        public void Lose(int updates) => Volatile.Write(ref _toLose, updates);

        public void Reset() => (_toLose, _lost) = (0, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            LoseIfArmed(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            LoseIfArmed(command);
            return ValueTask.FromResult(result);
        }

        private void LoseIfArmed(DbCommand command)
        {
            if (Volatile.Read(ref _toLose) > 0 && HumanUpdate().IsMatch(command.CommandText))
            {
                command.CommandText = HumanUpdate().Replace(command.CommandText, "$0 1 = 0 AND", 1);
                Interlocked.Decrement(ref _toLose);
                Interlocked.Increment(ref _lost);
            }
        }

        [GeneratedRegex("""UPDATE\s+"?humans"?\s+SET\s+[^;]*?\sWHERE""", RegexOptions.IgnoreCase)]
        private static partial Regex HumanUpdate();
    }
}
