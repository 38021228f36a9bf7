namespace Slotflow.Api.Tests.Support;

/// <summary>The service's clock, held at whatever instant a test sets (forwards or back).</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
