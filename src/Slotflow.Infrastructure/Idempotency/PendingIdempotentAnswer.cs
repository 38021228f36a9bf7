using Slotflow.Infrastructure.Persistence;

namespace Slotflow.Infrastructure.Idempotency;

/// <summary>
/// The answer a request with an Idempotency-Key owes its claimed key (one per request scope). The idempotency
/// middleware says what the answer will look like once the key is claimed; the unit of work writes it in the same
/// transaction as the command's work (<see cref="SlotflowDbContext"/>, InTransactionAsync), rendered from the value
/// the work returns. So the work and its stored answer commit together or not at all: a retry after a failure at
/// any point either replays the answer or finds the key free and runs the work.
/// </summary>
public sealed class PendingIdempotentAnswer
{
    private Expectation? _expected;

    /// <summary>An answer is expected and not yet committed.</summary>
    internal bool IsAwaited => _expected is not null && Recorded is null;

    /// <summary>True once an answer has committed with the work; the middleware then has nothing left to record.</summary>
    public bool IsRecorded => Recorded is not null;

    /// <summary>What was committed (status and body), to compare with what the response became.</summary>
    public (int Status, string Body)? Recorded { get; private set; }

    /// <summary>
    /// The request's command answers <paramref name="status"/> with a body of <paramref name="responseType"/>, written
    /// as <paramref name="render"/> writes it (the response's own JSON options).
    /// </summary>
    public void Expect(Guid organizationId, string key, string requestHash, int status, Type responseType, Func<object, string> render) =>
        _expected = new Expectation(organizationId, key, requestHash, status, responseType, render);

    /// <summary>
    /// Within the work's transaction: writes the answer if <paramref name="result"/> is the body the request expects.
    /// True if it did; the answer counts as recorded once the caller has seen the transaction commit.
    /// </summary>
    internal async Task<(int Status, string Body)?> WriteAsync(SlotflowDbContext db, object? result, CancellationToken cancellationToken)
    {
        if (_expected is not { } expected || Recorded is not null || result is null || result.GetType() != expected.ResponseType)
        {
            return null;
        }

        var body = expected.Render(result);
        await IdempotencyStore.RecordAnswerAsync(db, expected.OrganizationId, expected.Key, expected.RequestHash, expected.Status, body, cancellationToken);
        return (expected.Status, body);
    }

    /// <summary>The transaction that wrote <paramref name="answer"/> has committed.</summary>
    internal void Committed((int Status, string Body) answer) => Recorded = answer;

    private sealed record Expectation(Guid OrganizationId, string Key, string RequestHash, int Status, Type ResponseType, Func<object, string> Render);
}
