using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Humans;

namespace Slotflow.Api.Tests;

/// <summary>
/// Slots and bookings read only the overrides whose span meets their dates. The database's filter must pick exactly
/// what <see cref="ScheduleOverride.MayOccurBetween"/> picks, so a series begun years ago still counts and the rest of
/// a long history is left unread.
/// </summary>
public sealed class OverrideHistoryTests
{
    private SlotflowApiFactory _factory = null!;
    private TestOrganization _organization = null!;

    [OneTimeSetUp]
    public async Task StartService()
    {
        _factory = new SlotflowApiFactory();
        _organization = await _factory.CreateOrganizationAsync();
    }

    [OneTimeTearDown]
    public void StopService() => _factory.Dispose();

    [Test]
    public async Task LoadingForDates_TakesExactlyTheOverridesWhoseSpanMeetsThem()
    {
        var humanId = Guid.Parse(await HumanSetup.CreateAsync(_organization.Client));
        var center = new DateOnly(2027, 6, 15);
        await SeedHistoryAsync(humanId, center, count: 400);

        var all = (await WithRepository(humans => humans.ReadActiveWithOverridesAsync(_organization.Id, humanId, CancellationToken.None)))!.Overrides;
        Assert.That(all, Has.Count.EqualTo(400));

        foreach (var (first, last) in new[] { (center, center), (center.AddDays(-1), center.AddDays(31)), (center.AddDays(-200), center.AddDays(-150)), (center.AddDays(300), center.AddDays(400)) })
        {
            var expected = all.Where(o => o.MayOccurBetween(first, last)).Select(o => o.Id).Order().ToList();
            var read = await WithRepository(humans => humans.ReadActiveWithOverridesBetweenAsync(_organization.Id, humanId, first, last, CancellationToken.None));
            var found = await WithRepository(humans => humans.FindActiveWithOverridesBetweenAsync(_organization.Id, humanId, first, last, CancellationToken.None));

            Assert.That(expected, Is.Not.Empty.And.Count.LessThan(all.Count), $"{first}..{last} should take some and leave some");
            Assert.That(read!.Overrides.Select(o => o.Id).Order(), Is.EqualTo(expected), $"read {first}..{last}");
            Assert.That(found!.Overrides.Select(o => o.Id).Order(), Is.EqualTo(expected), $"found {first}..{last}");
            Assert.That(read.Overrides.Where(o => o.Recurrence is not null).Select(o => o.Id).Order(), Is.EqualTo(all.Where(o => o.Recurrence is not null && expected.Contains(o.Id)).Select(o => o.Id).Order()), "series keep their rule");
        }
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

    /// <summary>One request's worth of repository: a fresh scope, so nothing tracked by an earlier call is merged in.</summary>
    private async Task<T> WithRepository<T>(Func<IHumanRepository, Task<T>> read)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IHumanRepository>());
    }

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
        _factory.QueryAsync(db =>
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
