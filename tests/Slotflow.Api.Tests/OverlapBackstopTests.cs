using Microsoft.EntityFrameworkCore;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Bookings;

namespace Slotflow.Api.Tests;

/// <summary>The database itself refuses overlapping confirmed bookings of one human, whatever path writes them.</summary>
public sealed class OverlapBackstopTests
{
    [Test]
    public async Task Database_RefusesAnOverlappingConfirmedBooking_WrittenAroundTheHandler()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();
        var humanId = Guid.Parse(await HumanSetup.CreateAsync(organization.Client));
        var start = new DateTimeOffset(2030, 1, 7, 15, 0, 0, TimeSpan.Zero);
        var now = DateTimeOffset.UtcNow;

        await factory.QueryAsync(db =>
        {
            db.Bookings.Add(Booking.Confirm(organization.Id, humanId, start, 60, "First", null, null, now));
            return db.SaveChangesAsync();
        });

        var overlapping = factory.QueryAsync(db =>
        {
            db.Bookings.Add(Booking.Confirm(organization.Id, humanId, start.AddMinutes(30), 60, "Second", null, null, now));
            return db.SaveChangesAsync();
        });
        var adjacent = await factory.QueryAsync(db =>
        {
            db.Bookings.Add(Booking.Confirm(organization.Id, humanId, start.AddMinutes(60), 30, "Adjacent", null, null, now));
            return db.SaveChangesAsync();
        });

        var refusal = Assert.ThrowsAsync<DbUpdateException>(async () => await overlapping);
        Assert.Multiple(() =>
        {
            // SQLite's trigger names the rule; PostgreSQL names the exclusion constraint.
            Assert.That(refusal!.InnerException?.Message, Does.Contain("SLOTFLOW_BOOKING_OVERLAP").Or.Contain("bookings_no_overlap"));
            Assert.That(adjacent, Is.EqualTo(1), "back-to-back is not an overlap");
        });
        var names = await factory.QueryAsync(db => db.Bookings.Where(b => b.HumanId == humanId).Select(b => b.AttendeeName).ToListAsync());
        Assert.That(names, Is.EquivalentTo(new[] { "First", "Adjacent" }));
    }

    [Test]
    public async Task Database_RefusesABookingStartingInTheLastMinuteOfTheLongestBooking()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();
        var humanId = Guid.Parse(await HumanSetup.CreateAsync(organization.Client));
        var start = new DateTimeOffset(2030, 1, 7, 0, 0, 0, TimeSpan.Zero);
        var now = DateTimeOffset.UtcNow;
        await factory.QueryAsync(db =>
        {
            db.Bookings.Add(Booking.Confirm(organization.Id, humanId, start, 720, "Longest", null, null, now));
            return db.SaveChangesAsync();
        });

        var refusal = Assert.ThrowsAsync<DbUpdateException>(() => factory.QueryAsync(db =>
        {
            db.Bookings.Add(Booking.Confirm(organization.Id, humanId, start.AddMinutes(719), 30, "Last minute", null, null, now));
            return db.SaveChangesAsync();
        }));

        Assert.That(refusal!.InnerException?.Message, Does.Contain("SLOTFLOW_BOOKING_OVERLAP").Or.Contain("bookings_no_overlap"));
    }

#if !SLOTFLOW_POSTGRES
    /// <summary>SQLite's trigger looks back only the longest allowed duration, so it refuses anything longer outright.</summary>
    [Test]
    public async Task Sqlite_RefusesAConfirmedBookingLongerThan720Minutes()
    {
        using var factory = new SlotflowApiFactory();
        var organization = await factory.CreateOrganizationAsync();
        var humanId = Guid.Parse(await HumanSetup.CreateAsync(organization.Client));
        var now = DateTimeOffset.UtcNow;

        var refusal = Assert.ThrowsAsync<DbUpdateException>(() => factory.QueryAsync(db =>
        {
            db.Bookings.Add(Booking.Confirm(organization.Id, humanId, new DateTimeOffset(2030, 1, 7, 0, 0, 0, TimeSpan.Zero), 725, "Too long", null, null, now));
            return db.SaveChangesAsync();
        }));

        Assert.That(refusal!.InnerException?.Message, Does.Contain("SLOTFLOW_BOOKING_OVERLAP"));
    }
#endif
}
