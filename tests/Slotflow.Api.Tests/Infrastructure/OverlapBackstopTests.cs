using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Scheduling;

namespace Slotflow.Api.Tests;

/// <summary>
/// The database itself refuses confirmed bookings of one human whose blocked windows (interval and buffers, spec §10)
/// overlap, whatever path writes them.
/// </summary>
public sealed class OverlapBackstopTests : ServiceFixture
{
    private static readonly DateTimeOffset Monday = new(2030, 1, 7, 0, 0, 0, TimeSpan.Zero);

    private Guid _organizationId;
    private Guid _humanId;

    [SetUp]
    public async Task NewOrganizationAndHuman()
    {
        var organization = await Factory.CreateOrganizationAsync();
        _organizationId = organization.Id;
        _humanId = Guid.Parse(await HumanSetup.CreateAsync(organization.Client));
    }

    [Test]
    public async Task Database_RefusesAnOverlappingConfirmedBooking_WrittenAroundTheHandler()
    {
        var start = Monday.AddHours(15);
        await InsertAsync(start, 60, "First");

        var overlapping = InsertAsync(start.AddMinutes(30), 60, "Second");
        var adjacent = await InsertAsync(start.AddMinutes(60), 30, "Adjacent");

        var refusal = Assert.ThrowsAsync<DbUpdateException>(async () => await overlapping);
        Assert.Multiple(() =>
        {
            AssertOverlapRefusal(refusal);
            Assert.That(adjacent, Is.EqualTo(1), "back-to-back is not an overlap");
        });
        var names = await Factory.QueryAsync(db => db.Bookings.Where(b => b.HumanId == _humanId).Select(b => b.AttendeeName).ToListAsync());
        Assert.That(names, Is.EquivalentTo(new[] { "First", "Adjacent" }));
    }

    /// <summary>The backstop looks back only the longest allowed duration (720 minutes); this is its edge.</summary>
    [Test]
    public async Task Database_RefusesABookingStartingInTheLastMinuteOfTheLongestBooking()
    {
        await InsertAsync(Monday, 720, "Longest");

        AssertOverlapRefusal(Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(Monday.AddMinutes(719), 30, "Last minute")));
    }

    [Test]
    public async Task Database_RefusesOverlappingBlockedWindows_OfIntervalsThatDoNotOverlap()
    {
        var ten = Monday.AddHours(15);
        await InsertAsync(ten, 30, "Buffered", before: 15, after: 15); // blocked 09:45–10:45

        AssertOverlapRefusal(Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(ten.AddMinutes(30), 30, "Into the after-buffer")));
        AssertOverlapRefusal(Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(ten.AddMinutes(-30), 30, "Into the before-buffer")));
        Assert.That(await InsertAsync(ten.AddMinutes(45), 30, "After the buffer"), Is.EqualTo(1));
        Assert.That(await InsertAsync(ten.AddMinutes(-45), 30, "Before the buffer"), Is.EqualTo(1));
    }

    /// <summary>The backstop looks back only the longest blocked window (720 minutes and two 240-minute buffers).</summary>
    [Test]
    public async Task Database_RefusesABookingStartingInTheLastMinuteOfTheLongestBlockedWindow()
    {
        await InsertAsync(Monday, 720, "Longest", before: 240, after: 240);

        AssertOverlapRefusal(Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(Monday.AddMinutes(720 + 239), 30, "Last minute")));
    }

#if !SLOTFLOW_POSTGRES
    /// <summary>So SQLite's trigger refuses anything longer outright (PostgreSQL's exclusion constraint needs no bound).</summary>
    [Test]
    public void Sqlite_RefusesABlockedWindowLongerThan1200Minutes() =>
        AssertOverlapRefusal(Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(Monday, 720, "Too long", before: 240, after: 245)));
#endif

    /// <summary>SQLite's trigger names the rule; PostgreSQL names the exclusion constraint.</summary>
    private static void AssertOverlapRefusal(DbUpdateException? refusal) =>
        Assert.That(refusal!.InnerException?.Message, Does.Contain("SLOTFLOW_BOOKING_OVERLAP").Or.Contain("bookings_no_overlap"));

    /// <summary>Writes a confirmed booking straight through the DbContext, around the handler and its checks.</summary>
    private Task<int> InsertAsync(DateTimeOffset start, int minutes, string name, int before = 0, int after = 0) =>
        Factory.QueryAsync(db =>
        {
            var blocked = new TimeRange(start.AddMinutes(-before), start.AddMinutes(minutes + after));
            db.Bookings.Add(Booking.Confirm(_organizationId, _humanId, start, minutes, name, null, null, DateTimeOffset.UtcNow, blocked));
            return db.SaveChangesAsync();
        });
}
