using System.Collections.Concurrent;
using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Bookings;

namespace Slotflow.Api.Tests;

/// <summary>
/// The DbContext publishes Booking's domain events through Mediator's IPublisher while saving. The service's
/// IPublisher is replaced by a recorder, so what is published on each request is observed from outside.
/// </summary>
public sealed class BookingEventDispatchTests : ServiceFixture
{
    private const string Rules = """{"working_days":[1,2,3,4,5],"work_start":"09:00","work_end":"17:00","meeting_durations":[30,60]}""";
    private static readonly DateTimeOffset HeldNow = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SettableClock _clock = new(HeldNow);
    private readonly RecordingPublisher _publisher = new();
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    protected override TimeProvider Clock => _clock;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IPublisher>(_publisher);
    }

    [SetUp]
    public async Task NewOrganizationAndHuman()
    {
        _clock.Now = HeldNow;
        _publisher.FailWith = null;
        _organization = await Factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client, rules: Rules);
        _publisher.Published.Clear();
    }

    [Test]
    public void TheServicesPublisher_IsTheRecorder()
    {
        using var scope = Factory.Services.CreateScope();

        Assert.That(scope.ServiceProvider.GetRequiredService<IPublisher>(), Is.SameAs(_publisher));
    }

    [Test]
    public async Task CreatingABooking_PublishesExactlyOneBookingConfirmed_CarryingTheSavedBooking()
    {
        var response = await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$$"""{"human_id":"{{{_humanId}}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Grace Hopper","attendee_email":"grace@example.com","metadata":{"k":1.50}}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = Guid.Parse((await WireJson.ReadAsync(response)).GetProperty("id").GetString()!);
        var published = _publisher.Published.ToList();
        Assert.That(published, Has.Count.EqualTo(1), string.Join(", ", published.Select(p => p.Notification.GetType().Name)));
        Assert.That(published[0].Notification, Is.TypeOf<BookingConfirmed>());
        var booking = ((BookingConfirmed)published[0].Notification).Booking;
        var saved = await Factory.QueryAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Multiple(() =>
        {
            Assert.That(booking.Id, Is.EqualTo(id));
            Assert.That(published[0].StatusWhenPublished, Is.EqualTo(BookingStatus.Confirmed));
            Assert.That(booking.OrganizationId, Is.EqualTo(_organization.Id).And.EqualTo(saved.OrganizationId));
            Assert.That(booking.HumanId, Is.EqualTo(Guid.Parse(_humanId)).And.EqualTo(saved.HumanId));
            Assert.That(booking.StartsAt, Is.EqualTo(new DateTimeOffset(2026, 3, 16, 14, 0, 0, TimeSpan.Zero)).And.EqualTo(saved.StartsAt));
            Assert.That(booking.EndsAt, Is.EqualTo(saved.EndsAt));
            Assert.That(booking.DurationMinutes, Is.EqualTo(30));
            Assert.That(booking.AttendeeName, Is.EqualTo("Grace Hopper"));
            Assert.That(booking.AttendeeEmail, Is.EqualTo("grace@example.com"));
            Assert.That(booking.Metadata, Is.EqualTo(saved.Metadata).And.Contains("1.50"));
            Assert.That(booking.CreatedAt, Is.EqualTo(HeldNow).And.EqualTo(saved.CreatedAt));
        });
    }

    [Test]
    public async Task CancellingABooking_PublishesOneBookingCancelled_AndCancellingAgainPublishesNothing()
    {
        var id = await BookAsync();
        _publisher.Published.Clear();
        _clock.Now = HeldNow.AddHours(5);

        var first = await _organization.Client.DeleteAsync($"/v1/bookings/{id}");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var afterFirst = _publisher.Published.ToList();
        Assert.That(afterFirst, Has.Count.EqualTo(1));
        Assert.That(afterFirst[0].Notification, Is.TypeOf<BookingCancelled>());
        var cancelled = ((BookingCancelled)afterFirst[0].Notification).Booking;
        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Id, Is.EqualTo(id));
            Assert.That(cancelled.Status, Is.EqualTo(BookingStatus.Cancelled));
            Assert.That(cancelled.CancelledAt, Is.EqualTo(HeldNow.AddHours(5)));
        });

        _publisher.Published.Clear();
        var second = await _organization.Client.DeleteAsync($"/v1/bookings/{id}");

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_publisher.Published, Is.Empty);
    }

    [Test]
    public async Task RefusedAndInvalidBookings_PublishNothing()
    {
        await BookAsync();
        _publisher.Published.Clear();

        var refused = await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{_humanId}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Again"}"""));
        var invalid = await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{_humanId}}","starts_at":"2026-03-16T15:00:00Z","duration":30,"attendee_name":""}"""));
        var unknown = await _organization.Client.DeleteAsync($"/v1/bookings/{Guid.NewGuid()}");

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(_publisher.Published, Is.Empty);
        });
    }

    /// <summary>Dispatch happens inside the booking's transaction: a failing handler leaves no booking and no usage count.</summary>
    [Test]
    public async Task WhenAHandlerFails_TheBookingAndItsUsageCountAreRolledBack()
    {
        _publisher.FailWith = new InvalidOperationException("handler failed");

        var response = await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{_humanId}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Grace Hopper"}"""));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        Assert.That(_publisher.Published, Has.Count.EqualTo(1));
        var organizationId = _organization.Id;
        var (bookings, counted) = await Factory.QueryAsync(async db => (
            await db.Bookings.CountAsync(b => b.OrganizationId == organizationId),
            await db.MonthlyUsage.Where(u => u.OrganizationId == organizationId).SumAsync(u => u.Bookings)));
        Assert.Multiple(() =>
        {
            Assert.That(bookings, Is.Zero);
            Assert.That(counted, Is.Zero);
        });

        _publisher.FailWith = null;
        _publisher.Published.Clear();
        await BookAsync();
        Assert.That(_publisher.Published, Has.Count.EqualTo(1));
    }

    private async Task<Guid> BookAsync()
    {
        var response = await _organization.Client.PostAsync("/v1/bookings", WireJson.Body(
            $$"""{"human_id":"{{_humanId}}","starts_at":"2026-03-16T14:00:00Z","duration":30,"attendee_name":"Grace Hopper"}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return Guid.Parse((await WireJson.ReadAsync(response)).GetProperty("id").GetString()!);
    }

    /// <summary>Records every notification with the booking's status at that moment; calls no handler.</summary>
    private sealed class RecordingPublisher : IPublisher
    {
        public ConcurrentQueue<(INotification Notification, BookingStatus? StatusWhenPublished)> Published { get; } = new();

        public Exception? FailWith { get; set; }

        public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : INotification => Record(notification);

        public ValueTask Publish(object notification, CancellationToken cancellationToken = default) =>
            Record((INotification)notification);

        private ValueTask Record(INotification notification)
        {
            var status = notification switch
            {
                BookingConfirmed confirmed => confirmed.Booking.Status,
                BookingCancelled cancelled => cancelled.Booking.Status,
                _ => (BookingStatus?)null,
            };
            Published.Enqueue((notification, status));
            return FailWith is null ? ValueTask.CompletedTask : ValueTask.FromException(FailWith);
        }
    }
}
