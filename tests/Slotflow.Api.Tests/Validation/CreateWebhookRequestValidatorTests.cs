using Slotflow.Api.Contracts;
using Slotflow.Api.Validation;
using static Slotflow.Api.Tests.Validation.ValidationAssert;

namespace Slotflow.Api.Tests.Validation;

public sealed class CreateWebhookRequestValidatorTests
{
    private static readonly CreateWebhookRequestValidator Validator = new();

    [TestCase("https://example.com/h", new[] { "booking.confirmed" }, new string[0])]
    [TestCase("http://example.com:8080/h?x=1", new[] { "booking.confirmed", "booking.cancelled" }, new string[0])]
    [TestCase(null, new[] { "booking.confirmed" }, new[] { "url" })]
    [TestCase("example.com/h", new[] { "booking.confirmed" }, new[] { "url" })]
    [TestCase("mailto:a@example.com", new[] { "booking.confirmed" }, new[] { "url" })]
    [TestCase("https://example.com/h", new string[0], new[] { "events" })]
    [TestCase("https://example.com/h", new[] { "booking.confirmed", "booking.confirmed" }, new[] { "events" })]
    [TestCase("https://example.com/h", new[] { "Booking.Confirmed" }, new[] { "events" })]
    public void Validate_NamesExactlyTheRefusedFields(string? url, string[] events, string[] expected) =>
        Assert.That(InvalidFields(Validator, new CreateWebhookRequest(url, events)), Is.EqualTo(expected));

    [Test]
    public void Validate_WithoutEvents_RefusesEvents() =>
        Assert.That(InvalidFields(Validator, new CreateWebhookRequest("https://example.com/h", null)), Is.EqualTo(new[] { "events" }));
}
