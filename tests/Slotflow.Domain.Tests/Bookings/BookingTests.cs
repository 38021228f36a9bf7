using System.Text;
using Slotflow.Domain.Bookings;
using Slotflow.Domain.Common;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Bookings;

public sealed class BookingTests
{
    private static readonly Guid OrganizationId = Guid.NewGuid();
    private static readonly Guid HumanId = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(-4));
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(5));

    [Test]
    public void Confirm_WhenInputIsValid_KeepsEveryFieldInUtcAndIsConfirmed()
    {
        var booking = Booking.Confirm(OrganizationId, HumanId, Start, 30, "Grace Hopper", "grace@example.com", """{"k":1.50}""", Now);

        Assert.Multiple(() =>
        {
            Assert.That(booking.Id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(booking.OrganizationId, Is.EqualTo(OrganizationId));
            Assert.That(booking.HumanId, Is.EqualTo(HumanId));
            Assert.That(booking.StartsAt, Is.EqualTo(new DateTimeOffset(2026, 3, 16, 14, 0, 0, TimeSpan.Zero)));
            Assert.That(booking.StartsAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(booking.EndsAt, Is.EqualTo(new DateTimeOffset(2026, 3, 16, 14, 30, 0, TimeSpan.Zero)));
            Assert.That(booking.EndsAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(booking.DurationMinutes, Is.EqualTo(30));
            Assert.That(booking.Interval.Start, Is.EqualTo(booking.StartsAt));
            Assert.That(booking.Interval.End, Is.EqualTo(booking.EndsAt));
            Assert.That(booking.AttendeeName, Is.EqualTo("Grace Hopper"));
            Assert.That(booking.AttendeeEmail, Is.EqualTo("grace@example.com"));
            Assert.That(booking.Metadata, Is.EqualTo("""{"k":1.50}"""));
            Assert.That(booking.Status, Is.EqualTo(BookingStatus.Confirmed));
            Assert.That(booking.CreatedAt, Is.EqualTo(Now));
            Assert.That(booking.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(booking.CancelledAt, Is.Null);
        });
    }

    [Test]
    public void Confirm_WhenEmailAndMetadataAreNull_KeepsThemNull()
    {
        var booking = Booking.Confirm(OrganizationId, HumanId, Start, 60, "Ada", null, null, Now);

        Assert.Multiple(() =>
        {
            Assert.That(booking.AttendeeEmail, Is.Null);
            Assert.That(booking.Metadata, Is.Null);
            Assert.That(booking.EndsAt - booking.StartsAt, Is.EqualTo(TimeSpan.FromHours(1)));
        });
    }

    [Test]
    public void Confirm_WhenCalledTwice_GivesDistinctIds()
    {
        var first = Confirm();
        var second = Confirm();

        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
    }

    [Test]
    public void Confirm_RaisesExactlyOneBookingConfirmedCarryingTheBooking()
    {
        var booking = Confirm();

        Assert.That(booking.DomainEvents, Has.Count.EqualTo(1));
        Assert.That(booking.DomainEvents[0], Is.TypeOf<BookingConfirmed>());
        Assert.That(((BookingConfirmed)booking.DomainEvents[0]).Booking, Is.SameAs(booking));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\t\n")]
    public void Confirm_WhenAttendeeNameIsBlank_ThrowsValidationError(string name) =>
        Assert.That(() => Booking.Confirm(OrganizationId, HumanId, Start, 30, name, null, null, Now), ThrowsDomainError(ErrorCode.ValidationError));

    [Test]
    public void Confirm_WhenAttendeeNameIsNull_ThrowsValidationError() =>
        Assert.That(() => Booking.Confirm(OrganizationId, HumanId, Start, 30, null!, null, null, Now), ThrowsDomainError(ErrorCode.ValidationError));

    [Test]
    public void Confirm_WhenAttendeeNameIs201Characters_ThrowsValidationError() =>
        Assert.That(
            () => Booking.Confirm(OrganizationId, HumanId, Start, 30, new string('n', 201), null, null, Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo(ErrorCode.ValidationError).And.Message.Contains("attendee_name"));

    [Test]
    public void Confirm_WhenAttendeeNameIs200Characters_Accepts() =>
        Assert.That(Booking.Confirm(OrganizationId, HumanId, Start, 30, new string('n', 200), null, null, Now).AttendeeName, Has.Length.EqualTo(200));

    [Test]
    public void Confirm_WhenMetadataIsExactly16KiBOfUtf8_Accepts()
    {
        var metadata = ObjectOfBytes(Booking.MaxMetadataBytes, 'x');

        Assert.That(Booking.Confirm(OrganizationId, HumanId, Start, 30, "Ada", null, metadata, Now).Metadata, Is.EqualTo(metadata));
    }

    [Test]
    public void Confirm_WhenMetadataIsOneByteOver16KiB_ThrowsValidationError() =>
        Assert.That(
            () => Booking.Confirm(OrganizationId, HumanId, Start, 30, "Ada", null, ObjectOfBytes(Booking.MaxMetadataBytes + 1, 'x'), Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo(ErrorCode.ValidationError).And.Message.Contains("metadata"));

    [Test]
    public void Confirm_WhenMetadataIsUnder16KiBInCharactersButOverInUtf8Bytes_ThrowsValidationError()
    {
        var metadata = $$"""{"pad":"{{new string('é', 8190)}}"}""";
        Assert.That(metadata, Has.Length.LessThan(Booking.MaxMetadataBytes));
        Assert.That(Encoding.UTF8.GetByteCount(metadata), Is.GreaterThan(Booking.MaxMetadataBytes));

        Assert.That(() => Booking.Confirm(OrganizationId, HumanId, Start, 30, "Ada", null, metadata, Now), ThrowsDomainError(ErrorCode.ValidationError));
    }

    [Test]
    public void Confirm_WhenMultiByteMetadataIsExactly16KiBOfUtf8_Accepts()
    {
        // 10 bytes of wrapper plus 8187 two-byte characters: 16384 bytes in 8197 characters.
        var metadata = $$"""{"pad":"{{new string('é', 8187)}}"}""";
        Assert.That(Encoding.UTF8.GetByteCount(metadata), Is.EqualTo(Booking.MaxMetadataBytes));

        Assert.That(Booking.Confirm(OrganizationId, HumanId, Start, 30, "Ada", null, metadata, Now).Metadata, Is.EqualTo(metadata));
    }

    [Test]
    public void Cancel_WhenConfirmed_ReturnsTrueMarksCancelledInUtcAndRaisesOneBookingCancelled()
    {
        var booking = Confirm();
        booking.ClearDomainEvents();
        var cancelledAt = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(2));

        var changed = booking.Cancel(cancelledAt);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(booking.Status, Is.EqualTo(BookingStatus.Cancelled));
            Assert.That(booking.CancelledAt, Is.EqualTo(cancelledAt));
            Assert.That(booking.CancelledAt!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(booking.DomainEvents, Has.Count.EqualTo(1));
            Assert.That(booking.DomainEvents[0], Is.TypeOf<BookingCancelled>());
            Assert.That(((BookingCancelled)booking.DomainEvents[0]).Booking, Is.SameAs(booking));
        });
    }

    [Test]
    public void Cancel_WithoutClearingEvents_LeavesConfirmedThenCancelled()
    {
        var booking = Confirm();

        booking.Cancel(Now.AddDays(1));

        Assert.That(booking.DomainEvents.Select(e => e.GetType()), Is.EqualTo(new[] { typeof(BookingConfirmed), typeof(BookingCancelled) }));
    }

    [Test]
    public void Cancel_WhenAlreadyCancelled_ReturnsFalseRaisesNothingAndKeepsTheFirstCancellationTime()
    {
        var booking = Confirm();
        var first = Now.AddDays(1);
        booking.Cancel(first);
        booking.ClearDomainEvents();

        var changed = booking.Cancel(Now.AddDays(2));

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.False);
            Assert.That(booking.DomainEvents, Is.Empty);
            Assert.That(booking.Status, Is.EqualTo(BookingStatus.Cancelled));
            Assert.That(booking.CancelledAt, Is.EqualTo(first));
        });
    }

    [Test]
    public void Cancel_Twice_RaisesBookingCancelledOnlyOnce()
    {
        var booking = Confirm();
        booking.ClearDomainEvents();

        booking.Cancel(Now.AddDays(1));
        booking.Cancel(Now.AddDays(2));

        Assert.That(booking.DomainEvents.OfType<BookingCancelled>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void Cancel_KeepsTheBookedInterval()
    {
        var booking = Confirm();
        var interval = booking.Interval;

        booking.Cancel(Now.AddDays(1));

        Assert.That(booking.Interval, Is.EqualTo(interval));
    }

    private static Booking Confirm() => Booking.Confirm(OrganizationId, HumanId, Start, 30, "Ada", null, null, Now);

    /// <summary>A JSON object whose text is exactly <paramref name="bytes"/> UTF-8 bytes of single-byte padding.</summary>
    private static string ObjectOfBytes(int bytes, char pad) => $$"""{"pad":"{{new string(pad, bytes - 10)}}"}""";
}
