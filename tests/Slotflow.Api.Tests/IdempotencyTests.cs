using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;

namespace Slotflow.Api.Tests;

/// <summary>Idempotency-Key on POST (spec §6.2): retries never double-book.</summary>
public sealed class IdempotencyTests : ServiceFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SettableClock _clock = new(Now);
    private TestOrganization _organization = null!;
    private string _humanId = null!;

    protected override TimeProvider Clock => _clock;

    [SetUp]
    public async Task NewOrganization()
    {
        _clock.Now = Now;
        _organization = await Factory.CreateOrganizationAsync();
        _humanId = await HumanSetup.CreateAsync(_organization.Client);
    }

    [Test]
    public async Task TenSequentialRepeats_CreateOneBooking_AndReplayTheFirstResponse()
    {
        var key = Guid.NewGuid().ToString();
        var first = await PostAsync(key, Booking("2026-03-16T14:00:00Z"));
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), firstBody);

        for (var i = 0; i < 9; i++)
        {
            var repeat = await PostAsync(key, Booking("2026-03-16T14:00:00Z"));
            Assert.Multiple(async () =>
            {
                Assert.That(repeat.StatusCode, Is.EqualTo(HttpStatusCode.Created));
                Assert.That(await repeat.Content.ReadAsStringAsync(), Is.EqualTo(firstBody));
                Assert.That(repeat.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            });
        }

        Assert.That(await CountBookingsAsync(), Is.EqualTo(1));
    }

    [Test]
    [Repeat(3)]
    public async Task TwentyConcurrentRepeats_CreateOneBooking()
    {
        var key = Guid.NewGuid().ToString();
        var clients = Enumerable.Range(0, 20).Select(_ => Factory.ClientWith(_organization.ApiKey)).ToList();

        var responses = await Task.WhenAll(clients.Select(client => PostAsync(key, Booking("2026-03-17T14:00:00Z"), client)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => (int)r.StatusCode), Has.All.EqualTo(201), string.Join("\n", bodies));
            Assert.That(bodies.Distinct().Count(), Is.EqualTo(1), "every repeat gets the first response");
        });
        Assert.That(await CountBookingsAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task SameKeyWithAnotherBody_Returns422IdempotencyKeyReused()
    {
        var key = Guid.NewGuid().ToString();
        Assert.That((await PostAsync(key, Booking("2026-03-18T14:00:00Z"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var reused = await PostAsync(key, Booking("2026-03-18T15:00:00Z"));

        await WireJson.AssertErrorAsync(reused, HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED");
        Assert.That(await CountBookingsAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task FailedValidation_IsNotStored_SoTheKeyCanBeUsedAgain()
    {
        var key = Guid.NewGuid().ToString();
        var invalid = await PostAsync(key, """{"human_id":"not-a-uuid"}""");
        await WireJson.AssertErrorAsync(invalid, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");

        var valid = await PostAsync(key, Booking("2026-03-19T14:00:00Z"));

        Assert.That(valid.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task KeysExpireAfter24Hours()
    {
        var key = Guid.NewGuid().ToString();
        Assert.That((await PostAsync(key, Booking("2026-03-20T14:00:00Z"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        _clock.Now = Now.AddHours(24).AddSeconds(1);
        var other = await PostAsync(key, Booking("2026-03-20T15:00:00Z"));

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Created), "an expired key is free again");
        Assert.That(await CountBookingsAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task KeysAreScopedToTheOrganization()
    {
        var key = Guid.NewGuid().ToString();
        var other = await Factory.CreateOrganizationAsync();
        var otherHuman = await HumanSetup.CreateAsync(other.Client);
        Assert.That((await PostAsync(key, Booking("2026-03-16T15:00:00Z"))).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var response = await PostAsync(key, Booking("2026-03-16T15:00:00Z", otherHuman), other.Client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task KeyOf255Characters_Works_And256IsRefused()
    {
        var ok = await PostAsync(new string('k', 255), Booking("2026-03-23T14:00:00Z"));
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var tooLong = await PostAsync(new string('k', 256), Booking("2026-03-23T15:00:00Z"));

        var error = await WireJson.AssertErrorAsync(tooLong, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("Idempotency-Key"));
        Assert.That(await CountBookingsAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task OtherPosts_AreIdempotentToo()
    {
        var key = Guid.NewGuid().ToString();
        var body = """{"name":"Once","timezone":"UTC"}""";

        var first = await PostAsync(key, body, path: "/v1/humans");
        var second = await PostAsync(key, body, path: "/v1/humans");

        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.Created)));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        var total = (await WireJson.ReadAsync(await _organization.Client.GetAsync("/v1/humans"))).GetProperty("total").GetInt32();
        Assert.That(total, Is.EqualTo(2), "the human of SetUp and one more");
    }

    private string Booking(string startsAt, string? humanId = null) =>
        $$"""{"human_id":"{{humanId ?? _humanId}}","starts_at":"{{startsAt}}","duration":30,"attendee_name":"Retry"}""";

    private async Task<HttpResponseMessage> PostAsync(string key, string body, HttpClient? client = null, string path = "/v1/bookings")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = WireJson.Body(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await (client ?? _organization.Client).SendAsync(request);
    }

    private Task<int> CountBookingsAsync() =>
        Factory.QueryAsync(db => db.Bookings.CountAsync(b => b.OrganizationId == _organization.Id));
}
