using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Bookings;

namespace Slotflow.Api.Tests;

/// <summary>The database itself refuses overlapping confirmed bookings of one human, whatever path writes them.</summary>
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

#if !SLOTFLOW_POSTGRES
    /// <summary>So SQLite's trigger refuses anything longer outright (PostgreSQL's exclusion constraint needs no bound).</summary>
    [Test]
    public void Sqlite_RefusesAConfirmedBookingLongerThan720Minutes() =>
        AssertOverlapRefusal(Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(Monday, 725, "Too long")));
#endif

    /// <summary>SQLite's trigger names the rule; PostgreSQL names the exclusion constraint.</summary>
    private static void AssertOverlapRefusal(DbUpdateException? refusal) =>
        Assert.That(refusal!.InnerException?.Message, Does.Contain("SLOTFLOW_BOOKING_OVERLAP").Or.Contain("bookings_no_overlap"));

    /// <summary>Writes a confirmed booking straight through the DbContext, around the handler and its checks.</summary>
    private Task<int> InsertAsync(DateTimeOffset start, int minutes, string name) =>
        Factory.QueryAsync(db =>
        {
            db.Bookings.Add(Booking.Confirm(_organizationId, _humanId, start, minutes, name, null, null, DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
}
