using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Scheduling;
using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Api.Tests;

/// <summary>
/// Slots and bookings work from a copy of the human's overrides kept while its overrides version stands: a change
/// through any process is seen by the next request of every process, and a series begun years ago still counts.
/// </summary>
public sealed class OverrideHistoryTests : ServiceFixture
{
    private TestOrganization _organization = null!;

    [OneTimeSetUp]
    public async Task ArrangeFixture()
    {
        _organization = await Factory.CreateOrganizationAsync();
    }

    [Test]
    public async Task TheOverridesCopy_IsKeptThroughBookingsAndRules_AndReadAgainWhenAnOverrideIsAddedOrRemoved()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await SeedHistoryAsync(Guid.Parse(humanId), DateOnly.FromDateTime(DateTime.UtcNow), count: 50);
        var monday = NextMonday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14));

        var first = await ReadOverridesAsync(humanId);
        Assert.That(first, Has.Count.EqualTo(50));
        Assert.That((await Book(humanId, monday, "09:00")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var rules = await _organization.Client.PutAsync($"/v1/humans/{humanId}/availability", WireJson.Body(HumanSetup.WeekdaysNineToFive));
        Assert.That(rules.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ReadOverridesAsync(humanId), Is.SameAs(first), "a booking or new rules leave the copy current");

        var added = await HumanSetup.AddOverrideAsync(_organization.Client, humanId, $$$"""{"type":"block","all_day":true,"start_date":"{{{Wire(monday)}}}"}""");
        var afterAdd = await ReadOverridesAsync(humanId);
        Assert.That(afterAdd.Select(o => o.Id.ToString()).ToList(), Has.Count.EqualTo(51).And.Contains(added));

        Assert.That((await _organization.Client.DeleteAsync($"/v1/humans/{humanId}/overrides/{added}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var afterDelete = await ReadOverridesAsync(humanId);
        Assert.That(afterDelete.Select(o => o.Id.ToString()).ToList(), Has.Count.EqualTo(50).And.No.Contains(added));
    }

    [Test]
    public async Task AnOverrideAddedThroughAnotherProcess_ShapesTheNextSlotsAndBookingsOfThisOne()
    {
        using var other = new SlotflowApiFactory(database: Factory.Database);
        using var otherClient = other.ClientWith(_organization.ApiKey);
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var monday = NextMonday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14));
        var slotsPath = $"/v1/humans/{humanId}/slots?date_from={Wire(monday)}&date_to={Wire(monday)}&duration=30";
        Assert.That(await CountSlotsAsync(slotsPath), Is.EqualTo(16), "this process has read (and kept) the overrides");

        await HumanSetup.AddOverrideAsync(otherClient, humanId, $$$"""{"type":"block","title":"Offsite","all_day":false,"start_date":"{{{Wire(monday)}}}","start_time":"09:00","end_time":"12:00"}""");

        Assert.That(await CountSlotsAsync(slotsPath), Is.EqualTo(10));
        await WireJson.AssertErrorAsync(await Book(humanId, monday, "10:00"), HttpStatusCode.UnprocessableEntity, "SCHEDULE_BLOCKED");
        Assert.That((await Book(humanId, monday, "12:00")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task SeriesBegunYearsAgo_AndARangeEndingOnTheDate_StillShapeSlotsAndBookings()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        await SeedHistoryAsync(Guid.Parse(humanId), DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2), count: 900);
        var monday = NextMonday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14));
        var tuesday = monday.AddDays(1);
        var saturday = monday.AddDays(5);
        var yearsAgo = Wire(monday.AddYears(-3));
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, $$$"""{"type":"block","title":"Weekly review","all_day":false,"start_date":"{{{yearsAgo}}}","start_time":"10:00","end_time":"11:00","recurrence":{"freq":"weekly","interval":1,"days":[1]}}""");
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, $$$"""{"type":"block","title":"Lunch","all_day":false,"start_time":"12:00","end_time":"13:00","start_date":"{{{Wire(tuesday.AddDays(-20))}}}","end_date":"{{{Wire(tuesday)}}}"}""");
        await HumanSetup.AddOverrideAsync(_organization.Client, humanId, $$$"""{"type":"open","title":"Saturday clinic","all_day":false,"start_date":"{{{yearsAgo}}}","start_time":"10:00","end_time":"11:00","recurrence":{"freq":"weekly","interval":1,"days":[6]}}""");

        var slots = await WireJson.ReadAsync(await _organization.Client.GetAsync(
            $"/v1/humans/{humanId}/slots?date_from={Wire(monday)}&date_to={Wire(saturday)}&duration=30"));
        var starts = slots.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("starts_at").GetString()!).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(starts.Count(s => s.StartsWith(Wire(monday), StringComparison.Ordinal)), Is.EqualTo(12), "Monday without 10:00–11:00 and lunch");
            Assert.That(starts.Count(s => s.StartsWith(Wire(tuesday), StringComparison.Ordinal)), Is.EqualTo(14), "Tuesday, the range's last date, without lunch");
            Assert.That(starts.Count(s => s.StartsWith(Wire(saturday), StringComparison.Ordinal)), Is.EqualTo(2), "Saturday clinic");
        });
        await WireJson.AssertErrorAsync(await Book(humanId, monday, "10:00"), HttpStatusCode.UnprocessableEntity, "SCHEDULE_BLOCKED");
        await WireJson.AssertErrorAsync(await Book(humanId, tuesday, "12:00"), HttpStatusCode.UnprocessableEntity, "SCHEDULE_BLOCKED");
        Assert.That((await Book(humanId, saturday, "10:30")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await Book(humanId, monday, "11:00")).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task ABookingThatWaitedForAnOverrideBeingAdded_DecidesOnIt_AndTheKeptCopyStaysCurrent()
    {
        var humanId = await HumanSetup.CreateAsync(_organization.Client);
        var monday = NextMonday(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21));
        var slotsPath = $"/v1/humans/{humanId}/slots?date_from={Wire(monday)}&date_to={Wire(monday)}&duration=30";
        Assert.That((await Book(humanId, monday, "16:00")).StatusCode, Is.EqualTo(HttpStatusCode.Created), "this process now keeps the overrides");

        // An override added in a transaction left open: it holds the human's row (PostgreSQL) or the one writer (SQLite).
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SlotflowDbContext>();
        using var writer = await db.EnterWriteAsync(CancellationToken.None);
        var booking = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var human = await db.Humans.SingleAsync(h => h.Id == Guid.Parse(humanId));
            var morning = (ClockTime.Parse("09:00", allowEndOfDay: false), ClockTime.Parse("12:00", allowEndOfDay: false));
            human.AddOverride(0, OverrideType.Block, "Offsite", monday, null, morning, null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();

            // The booking begins before the override commits and has to wait for it; it must decide on what was committed.
            var waiting = Book(humanId, monday, "10:00");
            await WaitUntilABookingWaitsForTheHumanAsync();
            await transaction.CommitAsync();
            writer?.Dispose();
            return await waiting;
        });

        await WireJson.AssertErrorAsync(booking, HttpStatusCode.UnprocessableEntity, "SCHEDULE_BLOCKED");
        Assert.That(await CountSlotsAsync(slotsPath), Is.EqualTo(9), "16 half hours less the six blocked and the one booked");
    }

    /// <summary>PostgreSQL: until the booking's locking read waits on the human's row. SQLite: its writer queue cannot be watched, so a pause.</summary>
    private async Task WaitUntilABookingWaitsForTheHumanAsync()
    {
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            await Task.Delay(500);
            return;
        }

        for (var polls = 0; polls < 600; polls++)
        {
            var waiting = await Factory.QueryAsync(db => db.Database
                .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE {"%" + HumanRowLock.Tag + "%"}")
                .SingleAsync());
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The booking never waited for the human's row.");
    }

    /// <summary>What a request of this process reads: the human row as of now, then its overrides (a kept copy or a fresh read).</summary>
    private async Task<IReadOnlyList<ScheduleOverride>> ReadOverridesAsync(string humanId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var humans = scope.ServiceProvider.GetRequiredService<IHumanRepository>();
        var span = ScheduleSpan.ForInterval(new TimeRange(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1)));
        return (await humans.ReadScheduleAsync(_organization.Id, Guid.Parse(humanId), span, DateTimeOffset.UtcNow, CancellationToken.None))!.Calendar.Overrides;
    }

    private async Task<int> CountSlotsAsync(string path) =>
        (await WireJson.ReadAsync(await _organization.Client.GetAsync(path))).GetProperty("slots").GetArrayLength();

    private Task<HttpResponseMessage> Book(string humanId, DateOnly date, string newYorkTime)
    {
        var local = date.ToDateTime(TimeOnly.ParseExact(newYorkTime, "HH:mm", CultureInfo.InvariantCulture));
        var startsAt = TimeZoneInfo.ConvertTimeToUtc(local, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        return _organization.Client.PostAsync("/v1/bookings", WireJson.Body(new
        {
            human_id = humanId,
            starts_at = startsAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            duration = 30,
            attendee_name = "Ada",
        }));
    }

    /// <summary>
    /// Blocks on Sundays only (so the slot test's week is not touched): single dates, short ranges, and weekly and
    /// monthly series, ended and endless, spread over two years around <paramref name="center"/>.
    /// </summary>
    private Task<int> SeedHistoryAsync(Guid humanId, DateOnly center, int count) =>
        Factory.QueryAsync(db =>
        {
            var random = new Random(count);
            var sunday = NextMonday(center.AddDays(-365)).AddDays(-1);
            db.Set<ScheduleOverride>().AddRange(Enumerable.Range(0, count).Select(i =>
            {
                var start = sunday.AddDays(7 * random.Next(0, 104));
                return (i % 4) switch
                {
                    0 => ScheduleOverride.Create(humanId, OverrideType.Block, $"Day {i}", start, null, null, null, DateTimeOffset.UtcNow),
                    1 => ScheduleOverride.Create(humanId, OverrideType.Block, $"Range {i}", start, start, null, null, DateTimeOffset.UtcNow),
                    2 => ScheduleOverride.Create(
                        humanId, OverrideType.Block, $"Weekly {i}", start, random.Next(2) == 0 ? null : start.AddDays(7 * random.Next(1, 30)),
                        null, RecurrenceRule.Weekly(random.Next(1, 4), [7]), DateTimeOffset.UtcNow),
                    _ => ScheduleOverride.Create(
                        humanId, OverrideType.Block, $"Monthly {i}", start, random.Next(2) == 0 ? null : start.AddDays(random.Next(30, 300)),
                        null, RecurrenceRule.MonthlyOnWeekday(1, random.Next(1, 6), 7), DateTimeOffset.UtcNow),
                };
            }));
            return db.SaveChangesAsync();
        });

    private static DateOnly NextMonday(DateOnly date) => date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);

    private static string Wire(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
