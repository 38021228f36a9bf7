using System.Text.Json;
using Slotflow.Api.Contracts;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Humans;
using Slotflow.Domain.Webhooks;

namespace Slotflow.Api.Tests.Contracts;

/// <summary>The edge reads each accepted request once into the typed values its command carries.</summary>
public sealed class RequestMappingTests
{
    private static readonly Guid OrganizationId = Guid.NewGuid();
    private static readonly Guid HumanId = Guid.NewGuid();

    [TestCase("""{"source":"agent","n":1.50}""", """{"source":"agent","n":1.50}""")]
    [TestCase("null", null)]
    public void CreateBooking_KeepsAnObjectsTextAsSent_AndAJsonNullAsNoMetadata(string metadata, string? expected)
    {
        using var json = JsonDocument.Parse(metadata);
        var request = new CreateBookingRequest(HumanId, new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(-4)), 30, "Ada", null, json.RootElement);

        var command = request.ToCommand(OrganizationId);

        Assert.Multiple(() =>
        {
            Assert.That((command.OrganizationId, command.HumanId, command.Duration), Is.EqualTo((OrganizationId, HumanId, 30)));
            Assert.That(command.StartsAt, Is.EqualTo(new DateTimeOffset(2026, 3, 16, 14, 0, 0, TimeSpan.Zero)));
            Assert.That(command.Metadata, Is.EqualTo(expected));
        });
    }

    [Test]
    public void CreateOverride_AllDay_HasNoWindow_AndATimedOneHasItsClockTimes()
    {
        var allDay = new CreateOverrideRequest("block", "Holiday", true, "2026-05-01", "2026-05-03", null, null, null).ToCommand(OrganizationId, HumanId);
        var timed = new CreateOverrideRequest("open", null, null, "2026-05-01", null, "18:00", "24:00", null).ToCommand(OrganizationId, HumanId);

        Assert.Multiple(() =>
        {
            Assert.That((allDay.Type, allDay.StartDate, allDay.EndDate, allDay.Window), Is.EqualTo((OverrideType.Block, new DateOnly(2026, 5, 1), (DateOnly?)new DateOnly(2026, 5, 3), ((ClockTime, ClockTime)?)null)));
            Assert.That(timed.Type, Is.EqualTo(OverrideType.Open));
            Assert.That(timed.EndDate, Is.Null);
            Assert.That(timed.Window?.Start.Minutes, Is.EqualTo(18 * 60));
            Assert.That(timed.Window?.End.Minutes, Is.EqualTo(ClockTime.EndOfDayMinutes));
        });
    }

    [Test]
    public void CreateOverride_Recurrences_BecomeTheirRules_WithInterval1WhenLeftOut()
    {
        static RecurrenceRule? Rule(RecurrenceRequest recurrence) =>
            new CreateOverrideRequest("block", null, true, "2026-05-01", null, null, null, recurrence).ToCommand(OrganizationId, HumanId).Recurrence;

        var weekly = Rule(new RecurrenceRequest("weekly", null, [1, 3], null, null, null));
        var onDay = Rule(new RecurrenceRequest("monthly", 2, null, 15, null, null));
        var onWeekday = Rule(new RecurrenceRequest("monthly", null, null, null, 5, 5));

        Assert.Multiple(() =>
        {
            Assert.That((weekly?.Interval, weekly?.Days), Is.EqualTo(((int?)1, (IReadOnlyList<int>?)[1, 3])));
            Assert.That((onDay?.Interval, onDay?.DayOfMonth), Is.EqualTo(((int?)2, (int?)15)));
            Assert.That((onWeekday?.Week, onWeekday?.Day), Is.EqualTo(((int?)5, (int?)5)));
        });
    }

    [Test]
    public void ListBookings_ADateToIncludesItsWholeDay_AndAnInstantToIncludesItself()
    {
        var byDates = new ListBookingsRequest { DateFrom = "2026-03-01", DateTo = "2026-03-31", Status = "cancelled" }.ToQuery(OrganizationId);
        var byInstants = new ListBookingsRequest { DateFrom = "2026-03-01T09:00:00+01:00", DateTo = "2026-03-01T10:00:00Z" }.ToQuery(OrganizationId);

        Assert.Multiple(() =>
        {
            Assert.That(byDates.StartsFrom, Is.EqualTo(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(byDates.StartsBefore, Is.EqualTo(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(byDates.Status, Is.EqualTo(BookingStatus.Cancelled));
            Assert.That(byInstants.StartsFrom, Is.EqualTo(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero)));
            Assert.That(byInstants.StartsBefore, Is.EqualTo(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).AddMicroseconds(1)));
        });
    }

    [Test]
    public void Lists_LeaveAnUnsentPageToTheQuerysDefault_AndReadASentOne()
    {
        var unsent = new ListDeliveriesRequest().ToQuery(OrganizationId, webhookId: null);
        var sent = new ListDeliveriesRequest { Status = "failed", Limit = "10", Offset = "20" }.ToQuery(OrganizationId, HumanId);

        Assert.Multiple(() =>
        {
            Assert.That((unsent.Limit, unsent.Offset, unsent.Status, unsent.WebhookId), Is.EqualTo(((int?)null, (int?)null, (WebhookDeliveryStatus?)null, (Guid?)null)));
            Assert.That((sent.Limit, sent.Offset, sent.Status, sent.WebhookId), Is.EqualTo(((int?)10, (int?)20, (WebhookDeliveryStatus?)WebhookDeliveryStatus.Failed, (Guid?)HumanId)));
        });
    }

    [Test]
    public void GetSlots_ReadsTheDatesAndTheDuration()
    {
        var query = new GetSlotsRequest { DateFrom = "2026-03-01", DateTo = "2026-03-31", Duration = "45" }.ToQuery(OrganizationId, HumanId);

        Assert.That((query.DateFrom, query.DateTo, query.Duration), Is.EqualTo((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 45)));
    }
}
