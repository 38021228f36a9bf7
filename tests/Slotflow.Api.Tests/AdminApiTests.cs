using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Slotflow.Api.Tests.Support;
using Slotflow.Domain.Organizations;
using static Slotflow.Api.Tests.Support.WebhookTestKit;

namespace Slotflow.Api.Tests;

/// <summary>The Admin API (/admin/v1) over real HTTP: shapes, errors, its own keys, and effects on /v1.</summary>
public sealed class AdminApiTests : ServiceFixture
{
    private const string AdminKey = "sk_admin_0123456789abcdefghijklmnopqrstuv";
    private const string OtherAdminKey = "sk_admin_zyxwvutsrqponmlkjihgfedcba9876543210";
    private static readonly string[] OrganizationFields = ["id", "name", "plan", "auto_purchase", "created_at"];
    private static readonly string[] ApiKeyFields = ["id", "name", "prefix", "created_at", "last_used_at", "revoked_at"];

    private readonly SettableClock _clock = new(HeldNow);
    private WebhookReceiver _receiver = null!;
    private HttpClient _admin = null!;

    protected override TimeProvider Clock => _clock;

    protected override Dictionary<string, string?> Settings() => FastWorker(new() { ["Admin:ApiKeys:0"] = AdminKey, ["Admin:ApiKeys:1"] = OtherAdminKey });

    [OneTimeSetUp]
    public async Task ArrangeFixture()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _admin = Factory.ClientWith(AdminKey);
    }

    [OneTimeTearDown]
    public async Task DisposeFixture()
    {
        _admin.Dispose();
        await _receiver.DisposeAsync();
    }

    [SetUp]
    public void HoldTheClock() => _clock.Now = HeldNow;

    // --- authentication ---------------------------------------------------------------------------------------------

    [TestCase(null, TestName = "Admin_WithoutKey_Returns401")]
    [TestCase("sk_admin_not-a-configured-key-at-all-0000000", TestName = "Admin_WithWrongAdminKey_Returns401")]
    [TestCase("sk_live_0123456789abcdefghijklmnopqrstuv", TestName = "Admin_WithUnknownCustomerShapedKey_Returns401")]
    public async Task Admin_WithoutAValidAdminKey_Returns401(string? key)
    {
        var response = await Factory.ClientWith(key).GetAsync("/admin/v1/organizations");

        await WireJson.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Test]
    public async Task Admin_WithBasicScheme_Returns401()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", AdminKey);

        await WireJson.AssertErrorAsync(await client.GetAsync("/admin/v1/organizations"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Test]
    public async Task Admin_WithAValidCustomerKey_Returns401OnEveryAdminRoute()
    {
        var customer = await Factory.CreateOrganizationAsync();
        Assert.That((await customer.Client.GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        foreach (var path in new[]
        {
            "/admin/v1/organizations", $"/admin/v1/organizations/{customer.Id}", $"/admin/v1/organizations/{customer.Id}/api-keys",
            $"/admin/v1/organizations/{customer.Id}/usage", $"/admin/v1/organizations/{customer.Id}/webhook-deliveries",
        })
        {
            await WireJson.AssertErrorAsync(await customer.Client.GetAsync(path), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        }

        var create = await customer.Client.PostAsync("/admin/v1/organizations", WireJson.Body("""{"name":"Sneaky","plan":"growth"}"""));
        await WireJson.AssertErrorAsync(create, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Test]
    public async Task Admin_AdminKeyOnV1_Returns401()
    {
        await WireJson.AssertErrorAsync(await _admin.GetAsync("/v1/humans"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var create = await _admin.PostAsync("/v1/humans", WireJson.Body("""{"name":"Admin","timezone":"UTC"}"""));
        await WireJson.AssertErrorAsync(create, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Test]
    public async Task Admin_UnknownAdminRoute_Is404WithAnAdminKeyAnd401WithoutOne()
    {
        await WireJson.AssertErrorAsync(await _admin.GetAsync("/admin/v1/nothing-here"), HttpStatusCode.NotFound, "NOT_FOUND");
        var error = await WireJson.AssertErrorAsync(
            await Factory.ClientWith(null).GetAsync("/admin/v1/nothing-here"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("admin key"));
    }

    [Test]
    public async Task Admin_WrongMethodOnAnAdminRoute_Is405WithAnAdminKeyAnd401WithACustomerKey()
    {
        var customer = await Factory.CreateOrganizationAsync();

        await WireJson.AssertErrorAsync(
            await _admin.PutAsync("/admin/v1/organizations", WireJson.Body("{}")), HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        await WireJson.AssertErrorAsync(
            await customer.Client.PutAsync("/admin/v1/organizations", WireJson.Body("{}")), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await WireJson.AssertErrorAsync(
            await _admin.GetAsync("/v1/nothing-here"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Test]
    public async Task Admin_IdempotencyKeyOnAnAdminPost_IsIgnoredNotAnError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/v1/organizations")
        {
            Content = WireJson.Body("""{"name":"Idem","plan":"free"}"""),
        };
        request.Headers.Add("Idempotency-Key", "admin-1");

        var response = await _admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Admin_EitherConfiguredAdminKeyWorks()
    {
        Assert.That((await Factory.ClientWith(OtherAdminKey).GetAsync("/admin/v1/organizations")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    // --- organizations ----------------------------------------------------------------------------------------------

    [Test]
    public async Task Admin_CreateOrganization_Returns201WithTheOrganizationAndAWorkingFirstKey()
    {
        var response = await _admin.PostAsync(
            "/admin/v1/organizations", WireJson.Body("""{"name":"Acme","plan":"starter","auto_purchase":true}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await WireJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(created), Is.EqualTo(new[] { "id", "name", "plan", "auto_purchase", "created_at", "api_key" }));
            Assert.That(created.GetProperty("name").GetString(), Is.EqualTo("Acme"));
            Assert.That(created.GetProperty("plan").GetString(), Is.EqualTo("starter"));
            Assert.That(created.GetProperty("auto_purchase").GetBoolean(), Is.True);
            Assert.That(created.GetProperty("created_at").GetString(), Is.EqualTo("2026-03-02T12:00:00.000Z"));
            Assert.That(created.GetProperty("api_key").GetString(), Does.Match("^sk_live_[a-z0-9]{32}$"));
        });

        var customer = Factory.ClientWith(created.GetProperty("api_key").GetString());
        Assert.That((await customer.GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Admin_CreateOrganization_WithoutAutoPurchase_DefaultsToOff()
    {
        var response = await _admin.PostAsync("/admin/v1/organizations", WireJson.Body("""{"name":"Acme","plan":"free"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await WireJson.ReadAsync(response)).GetProperty("auto_purchase").GetBoolean(), Is.False);
    }

    [TestCase("""{"plan":"free"}""", "name", TestName = "Admin_CreateOrganization_WithoutName_Returns422NamingName")]
    [TestCase("""{"name":"  ","plan":"free"}""", "name", TestName = "Admin_CreateOrganization_WithBlankName_Returns422NamingName")]
    [TestCase("""{"name":"Acme"}""", "plan", TestName = "Admin_CreateOrganization_WithoutPlan_Returns422NamingPlan")]
    [TestCase("""{"name":"Acme","plan":"enterprise"}""", "plan", TestName = "Admin_CreateOrganization_WithUnknownPlan_Returns422NamingPlan")]
    [TestCase("""{"name":"Acme","plan":"free","auto_purchase":true}""", "auto_purchase", TestName = "Admin_CreateOrganization_WithAutoPurchaseOnFree_Returns422NamingAutoPurchase")]
    [TestCase("""{"name":"Acme","plan":"free","auto_purchase":"yes"}""", "auto_purchase", TestName = "Admin_CreateOrganization_WithAutoPurchaseNotBoolean_Returns422NamingAutoPurchase")]
    public async Task Admin_CreateOrganization_WithABadField_Returns422NamingIt(string body, string field)
    {
        var response = await _admin.PostAsync("/admin/v1/organizations", WireJson.Body(body));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
    }

    [Test]
    public async Task Admin_CreateOrganization_WithMalformedJson_Returns422()
    {
        var response = await _admin.PostAsync("/admin/v1/organizations", WireJson.Body("""{"name":"""));

        await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
    }

    [Test]
    public async Task Admin_ListOrganizations_PagesWithTotalLimitAndOffset()
    {
        await Factory.CreateOrganizationAsync();
        await Factory.CreateOrganizationAsync();

        var all = await ReadOkAsync(await _admin.GetAsync("/admin/v1/organizations?limit=100"));
        var total = all.GetProperty("total").GetInt32();
        var page = await ReadOkAsync(await _admin.GetAsync("/admin/v1/organizations?limit=1&offset=1"));

        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(page), Is.EqualTo(new[] { "organizations", "total", "limit", "offset" }));
            Assert.That(total, Is.GreaterThanOrEqualTo(2));
            Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(total));
            Assert.That(page.GetProperty("limit").GetInt32(), Is.EqualTo(1));
            Assert.That(page.GetProperty("offset").GetInt32(), Is.EqualTo(1));
            Assert.That(page.GetProperty("organizations").GetArrayLength(), Is.EqualTo(1));
            Assert.That(WireJson.PropertyNames(page.GetProperty("organizations")[0]), Is.EqualTo(OrganizationFields));
            Assert.That(page.GetProperty("organizations")[0].GetProperty("id").GetString(),
                Is.EqualTo(all.GetProperty("organizations")[1].GetProperty("id").GetString()));
        });
    }

    [Test]
    public async Task Admin_ListOrganizations_DefaultsToFiftyFromZero()
    {
        var list = await ReadOkAsync(await _admin.GetAsync("/admin/v1/organizations"));

        Assert.That((list.GetProperty("limit").GetInt32(), list.GetProperty("offset").GetInt32()), Is.EqualTo((50, 0)));
    }

    [TestCase("limit=0", "limit", TestName = "Admin_ListOrganizations_WithZeroLimit_Returns422NamingLimit")]
    [TestCase("limit=101", "limit", TestName = "Admin_ListOrganizations_WithLimitOver100_Returns422NamingLimit")]
    [TestCase("limit=abc", "limit", TestName = "Admin_ListOrganizations_WithNonNumericLimit_Returns422NamingLimit")]
    [TestCase("offset=-1", "offset", TestName = "Admin_ListOrganizations_WithNegativeOffset_Returns422NamingOffset")]
    public async Task Admin_ListOrganizations_WithBadPaging_Returns422NamingTheParameter(string query, string field)
    {
        var error = await WireJson.AssertErrorAsync(
            await _admin.GetAsync($"/admin/v1/organizations?{query}"), HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
    }

    [Test]
    public async Task Admin_GetOrganization_ReturnsItsFields()
    {
        var organization = await Factory.CreateOrganizationAsync("starter", autoPurchase: true);

        var read = await ReadOkAsync(await _admin.GetAsync($"/admin/v1/organizations/{organization.Id}"));

        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(read), Is.EqualTo(OrganizationFields));
            Assert.That(read.GetProperty("id").GetString(), Is.EqualTo(organization.Id.ToString()));
            Assert.That(read.GetProperty("plan").GetString(), Is.EqualTo("starter"));
            Assert.That(read.GetProperty("auto_purchase").GetBoolean(), Is.True);
        });
    }

    [TestCase("00000000-0000-0000-0000-000000000001", TestName = "Admin_GetOrganization_WhenUnknown_Returns404")]
    [TestCase("not-a-uuid", TestName = "Admin_GetOrganization_WhenIdIsNotAUuid_Returns404")]
    public async Task Admin_GetOrganization_WhenNoSuchOrganization_Returns404(string id)
    {
        await WireJson.AssertErrorAsync(await _admin.GetAsync($"/admin/v1/organizations/{id}"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Test]
    public async Task Admin_UpdateOrganization_ChangesPlanAndAutoPurchase()
    {
        var organization = await Factory.CreateOrganizationAsync("free");

        var updated = await ReadOkAsync(await PatchAsync(organization.Id, """{"plan":"growth","auto_purchase":true}"""));
        var read = await ReadOkAsync(await _admin.GetAsync($"/admin/v1/organizations/{organization.Id}"));

        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(updated), Is.EqualTo(OrganizationFields));
            Assert.That(updated.GetProperty("plan").GetString(), Is.EqualTo("growth"));
            Assert.That(updated.GetProperty("auto_purchase").GetBoolean(), Is.True);
            Assert.That(read.ToString(), Is.EqualTo(updated.ToString()));
        });
    }

    [Test]
    public async Task Admin_UpdateOrganization_WithOnlyAutoPurchase_KeepsThePlan()
    {
        var organization = await Factory.CreateOrganizationAsync("starter", autoPurchase: true);

        var updated = await ReadOkAsync(await PatchAsync(organization.Id, """{"auto_purchase":false}"""));

        Assert.That((updated.GetProperty("plan").GetString(), updated.GetProperty("auto_purchase").GetBoolean()), Is.EqualTo(("starter", false)));
    }

    [Test]
    public async Task Admin_UpdateOrganization_DowngradeToFree_TurnsAutoPurchaseOff()
    {
        var organization = await Factory.CreateOrganizationAsync("growth", autoPurchase: true);

        var updated = await ReadOkAsync(await PatchAsync(organization.Id, """{"plan":"free"}"""));

        Assert.That((updated.GetProperty("plan").GetString(), updated.GetProperty("auto_purchase").GetBoolean()), Is.EqualTo(("free", false)));
    }

    [TestCase("free", """{"plan":"free","auto_purchase":true}""", "auto_purchase", TestName = "Admin_UpdateOrganization_AutoPurchaseWithFree_Returns422NamingAutoPurchase")]
    [TestCase("free", """{"auto_purchase":true}""", "auto_purchase", TestName = "Admin_UpdateOrganization_AutoPurchaseOnCurrentFreePlan_Returns422NamingAutoPurchase")]
    [TestCase("growth", """{"plan":"platinum"}""", "plan", TestName = "Admin_UpdateOrganization_WithUnknownPlan_Returns422NamingPlan")]
    [TestCase("growth", """{"plan":7}""", "plan", TestName = "Admin_UpdateOrganization_WithPlanNotAString_Returns422NamingPlan")]
    public async Task Admin_UpdateOrganization_WithABadField_Returns422NamingItAndChangesNothing(string plan, string body, string field)
    {
        var organization = await Factory.CreateOrganizationAsync(plan);

        var error = await WireJson.AssertErrorAsync(await PatchAsync(organization.Id, body), HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");

        Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
        var read = await ReadOkAsync(await _admin.GetAsync($"/admin/v1/organizations/{organization.Id}"));
        Assert.That((read.GetProperty("plan").GetString(), read.GetProperty("auto_purchase").GetBoolean()), Is.EqualTo((plan, false)));
    }

    [Test]
    public async Task Admin_UpdateOrganization_WhenUnknown_Returns404()
    {
        await WireJson.AssertErrorAsync(await PatchAsync(Guid.NewGuid(), """{"plan":"free"}"""), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Test]
    public async Task Admin_PlanChange_TakesEffectOnTheNextBooking()
    {
        var organization = await Factory.CreateOrganizationAsync("growth");
        var humanId = await HumanAsync(organization.Client);
        await SetUsageAsync(organization.Id, bookings: 100);
        await BookAsync(organization.Client, humanId, slot: 0); // 101 on growth: fine

        Assert.That((await PatchAsync(organization.Id, """{"plan":"free"}""")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var refused = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(BookingBody(humanId, slot: 1)));
        await WireJson.AssertErrorAsync(refused, HttpStatusCode.PaymentRequired, "LIMIT_REACHED");

        Assert.That((await PatchAsync(organization.Id, """{"plan":"starter"}""")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var allowed = await organization.Client.PostAsync("/v1/bookings", WireJson.Body(BookingBody(humanId, slot: 1)));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await allowed.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Admin_PlanDowngrade_BelowCurrentHumans_IsAllowedButNewHumansFollowTheNewCap()
    {
        var organization = await Factory.CreateOrganizationAsync("starter");
        await HumanAsync(organization.Client);
        await HumanAsync(organization.Client);

        Assert.That((await PatchAsync(organization.Id, """{"plan":"free"}""")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var third = await organization.Client.PostAsync("/v1/humans", WireJson.Body("""{"name":"Third","timezone":"UTC"}"""));
        await WireJson.AssertErrorAsync(third, HttpStatusCode.PaymentRequired, "LIMIT_REACHED");
        var usage = await UsageAsync(organization.Id);
        Assert.That(usage.GetProperty("humans").ToString(), Is.EqualTo("""{"used":2,"cap":1}"""));
    }

    // --- API keys ---------------------------------------------------------------------------------------------------

    [Test]
    public async Task Admin_CreateApiKey_Returns201WithThePlaintextOnce_AndTheKeyWorks()
    {
        var organization = await Factory.CreateOrganizationAsync();

        var response = await _admin.PostAsync($"/admin/v1/organizations/{organization.Id}/api-keys", WireJson.Body("""{"name":"ci"}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await WireJson.ReadAsync(response);
        var plaintext = created.GetProperty("api_key").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(created), Is.EqualTo(ApiKeyFields.Append("api_key")));
            Assert.That(created.GetProperty("name").GetString(), Is.EqualTo("ci"));
            Assert.That(plaintext, Does.Match("^sk_live_[a-z0-9]{32}$"));
            Assert.That(created.GetProperty("prefix").GetString(), Is.EqualTo(plaintext[..12]));
            Assert.That(created.GetProperty("created_at").GetString(), Is.EqualTo("2026-03-02T12:00:00.000Z"));
            Assert.That(created.GetProperty("last_used_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(created.GetProperty("revoked_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });

        var humans = await Factory.ClientWith(plaintext).PostAsync("/v1/humans", WireJson.Body("""{"name":"Via new key","timezone":"UTC"}"""));
        Assert.That(humans.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var list = await ReadOkAsync(await organization.Client.GetAsync("/v1/humans"));
        Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(1), "the new key acts for the same organization");
    }

    [TestCase("""{}""", TestName = "Admin_CreateApiKey_WithoutName_Returns422NamingName")]
    [TestCase("""{"name":""}""", TestName = "Admin_CreateApiKey_WithEmptyName_Returns422NamingName")]
    [TestCase("""{"name":42}""", TestName = "Admin_CreateApiKey_WithNameNotAString_Returns422NamingName")]
    public async Task Admin_CreateApiKey_WithBadName_Returns422NamingName(string body)
    {
        var organization = await Factory.CreateOrganizationAsync();

        var response = await _admin.PostAsync($"/admin/v1/organizations/{organization.Id}/api-keys", WireJson.Body(body));

        var error = await WireJson.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("name"));
    }

    [Test]
    public async Task Admin_ApiKeys_ForUnknownOrganization_Return404()
    {
        var id = Guid.NewGuid();
        await WireJson.AssertErrorAsync(
            await _admin.PostAsync($"/admin/v1/organizations/{id}/api-keys", WireJson.Body("""{"name":"x"}""")), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(await _admin.GetAsync($"/admin/v1/organizations/{id}/api-keys"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(
            await _admin.DeleteAsync($"/admin/v1/organizations/{id}/api-keys/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Test]
    public async Task Admin_ListApiKeys_ShowsEveryKeyWithoutSecretsAndRecordsLastUse()
    {
        var organization = await Factory.CreateOrganizationAsync();
        _clock.Now = HeldNow.AddMinutes(1);
        await CreateKeyAsync(organization.Id, "second");
        _clock.Now = HeldNow.AddMinutes(5);
        Assert.That((await organization.Client.GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var response = await _admin.GetAsync($"/admin/v1/organizations/{organization.Id}/api-keys");

        var text = await response.Content.ReadAsStringAsync();
        var list = await ReadOkAsync(response);
        var keys = list.GetProperty("api_keys").EnumerateArray().ToList();
        var hash = ApiKeySecret.Hash(organization.ApiKey);
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(list), Is.EqualTo(new[] { "api_keys", "total" }));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(keys.Select(WireJson.PropertyNames), Has.All.EqualTo(ApiKeyFields));
            Assert.That(keys.Select(k => k.GetProperty("name").GetString()), Is.EqualTo(new[] { "default", "second" }));
            Assert.That(keys[0].GetProperty("prefix").GetString(), Is.EqualTo(organization.ApiKey[..12]));
            Assert.That(keys[0].GetProperty("last_used_at").GetString(), Is.EqualTo("2026-03-02T12:05:00.000Z"));
            Assert.That(keys[1].GetProperty("last_used_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(text, Does.Not.Contain(organization.ApiKey));
            Assert.That(text, Does.Not.Contain(hash));
            Assert.That(text, Does.Not.Contain("hash"));
        });
    }

    [Test]
    public async Task Admin_LastUsedAt_IsRecordedAtMostOnceAMinute()
    {
        var organization = await Factory.CreateOrganizationAsync();
        _clock.Now = HeldNow.AddMinutes(1);
        await organization.Client.GetAsync("/v1/humans");
        _clock.Now = HeldNow.AddMinutes(1).AddSeconds(30);
        await organization.Client.GetAsync("/v1/humans");
        Assert.That(await LastUsedAsync(organization), Is.EqualTo(HeldNow.AddMinutes(1)));

        _clock.Now = HeldNow.AddMinutes(2).AddSeconds(1);
        await organization.Client.GetAsync("/v1/humans");
        Assert.That(await LastUsedAsync(organization), Is.EqualTo(HeldNow.AddMinutes(2).AddSeconds(1)));
    }

    [Test]
    public async Task Admin_RevokeApiKey_Returns401OnItsNextCall_WhileTheOtherKeyStillWorks()
    {
        var organization = await Factory.CreateOrganizationAsync();
        _clock.Now = HeldNow.AddMinutes(1);
        var (secondId, secondKey) = await CreateKeyAsync(organization.Id, "second");
        var second = Factory.ClientWith(secondKey);
        Assert.That((await second.GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        _clock.Now = HeldNow.AddMinutes(3);

        var revoked = await ReadOkAsync(await _admin.DeleteAsync($"/admin/v1/organizations/{organization.Id}/api-keys/{secondId}"));

        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(revoked), Is.EqualTo(ApiKeyFields));
            Assert.That(revoked.GetProperty("id").GetString(), Is.EqualTo(secondId));
            Assert.That(revoked.GetProperty("revoked_at").GetString(), Is.EqualTo("2026-03-02T12:03:00.000Z"));
        });
        await WireJson.AssertErrorAsync(await second.GetAsync("/v1/humans"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.That((await organization.Client.GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        _clock.Now = HeldNow.AddMinutes(9);
        var again = await ReadOkAsync(await _admin.DeleteAsync($"/admin/v1/organizations/{organization.Id}/api-keys/{secondId}"));
        Assert.That(again.GetProperty("revoked_at").GetString(), Is.EqualTo("2026-03-02T12:03:00.000Z"), "revoking twice keeps the first time");

        var list = await ReadOkAsync(await _admin.GetAsync($"/admin/v1/organizations/{organization.Id}/api-keys"));
        Assert.That(list.GetProperty("api_keys").EnumerateArray().Select(k => k.GetProperty("revoked_at").ValueKind),
            Is.EqualTo(new[] { JsonValueKind.Null, JsonValueKind.String }));
    }

    [Test]
    public async Task Admin_RevokeApiKey_OfAnotherOrganizationOrUnknown_Returns404AndRevokesNothing()
    {
        var owner = await Factory.CreateOrganizationAsync();
        var other = await Factory.CreateOrganizationAsync();
        var (keyId, key) = await CreateKeyAsync(owner.Id, "owned");

        await WireJson.AssertErrorAsync(
            await _admin.DeleteAsync($"/admin/v1/organizations/{other.Id}/api-keys/{keyId}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await WireJson.AssertErrorAsync(
            await _admin.DeleteAsync($"/admin/v1/organizations/{owner.Id}/api-keys/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.That((await Factory.ClientWith(key).GetAsync("/v1/humans")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    // --- usage ------------------------------------------------------------------------------------------------------

    [Test]
    public async Task Admin_Usage_MatchesTheBookingsMade()
    {
        var organization = await Factory.CreateOrganizationAsync("growth");
        var humanId = await HumanAsync(organization.Client);
        await RegisterAsync(organization.Client, _receiver.Url);
        await BookAsync(organization.Client, humanId, slot: 0);
        var cancelled = await BookAsync(organization.Client, humanId, slot: 1);
        await organization.Client.DeleteAsync($"/v1/bookings/{cancelled.GetProperty("id").GetString()}");
        await BookAsync(organization.Client, humanId, slot: 2);

        var usage = await UsageAsync(organization.Id);

        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(usage), Is.EqualTo(new[]
            {
                "organization_id", "plan", "auto_purchase", "month", "bookings", "overage_packs", "humans", "webhooks", "charges",
            }));
            Assert.That(usage.GetProperty("organization_id").GetString(), Is.EqualTo(organization.Id.ToString()));
            Assert.That(usage.GetProperty("plan").GetString(), Is.EqualTo("growth"));
            Assert.That(usage.GetProperty("month").GetString(), Is.EqualTo("2026-03"));
            Assert.That(usage.GetProperty("bookings").ToString(),
                Is.EqualTo("""{"used":3,"limit":10000,"plan_limit":10000,"extra_allowance":0}"""), "a cancelled booking still counts");
            Assert.That(usage.GetProperty("overage_packs").GetInt32(), Is.EqualTo(0));
            Assert.That(usage.GetProperty("humans").ToString(), Is.EqualTo("""{"used":1,"cap":25}"""));
            Assert.That(usage.GetProperty("webhooks").ToString(), Is.EqualTo("""{"used":1,"cap":null}"""), "growth has no webhook cap");
            Assert.That(usage.GetProperty("charges").GetArrayLength(), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Admin_Usage_OfAFreshOrganization_IsZeroAgainstItsCaps()
    {
        var organization = await Factory.CreateOrganizationAsync("free");

        var usage = await UsageAsync(organization.Id);

        Assert.Multiple(() =>
        {
            Assert.That(usage.GetProperty("bookings").ToString(), Is.EqualTo("""{"used":0,"limit":100,"plan_limit":100,"extra_allowance":0}"""));
            Assert.That(usage.GetProperty("humans").ToString(), Is.EqualTo("""{"used":0,"cap":1}"""));
            Assert.That(usage.GetProperty("webhooks").ToString(), Is.EqualTo("""{"used":0,"cap":2}"""));
        });
    }

    [Test]
    public async Task Admin_Usage_AfterAnOveragePack_ShowsThePackInTheLimitAndTheLedger()
    {
        var organization = await Factory.CreateOrganizationAsync("starter", autoPurchase: true);
        var humanId = await HumanAsync(organization.Client);
        await SetUsageAsync(organization.Id, bookings: 1_000);
        _clock.Now = HeldNow.AddMinutes(7);
        await BookAsync(organization.Client, humanId, slot: 0); // buys a pack
        await BookAsync(organization.Client, humanId, slot: 1);

        var usage = await UsageAsync(organization.Id);

        var charges = usage.GetProperty("charges").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(usage.GetProperty("bookings").ToString(),
                Is.EqualTo("""{"used":1002,"limit":1500,"plan_limit":1000,"extra_allowance":500}"""));
            Assert.That(usage.GetProperty("overage_packs").GetInt32(), Is.EqualTo(1));
            Assert.That(usage.GetProperty("webhooks").ToString(), Is.EqualTo("""{"used":0,"cap":10}"""));
            Assert.That(charges, Has.Count.EqualTo(1));
            Assert.That(WireJson.PropertyNames(charges[0]), Is.EqualTo(new[] { "id", "month", "bookings", "amount_cents", "description", "created_at" }));
            Assert.That(charges[0].GetProperty("month").GetString(), Is.EqualTo("2026-03"));
            Assert.That(charges[0].GetProperty("bookings").GetInt32(), Is.EqualTo(500));
            Assert.That(charges[0].GetProperty("amount_cents").GetInt32(), Is.EqualTo(1900));
            Assert.That(charges[0].GetProperty("description").GetString(), Does.Contain("500").And.Contain("2026-03"));
            Assert.That(charges[0].GetProperty("created_at").GetString(), Is.EqualTo("2026-03-02T12:07:00.000Z"));
        });

        _clock.Now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var nextMonth = await UsageAsync(organization.Id);
        Assert.Multiple(() =>
        {
            Assert.That(nextMonth.GetProperty("month").GetString(), Is.EqualTo("2026-04"));
            Assert.That(nextMonth.GetProperty("bookings").ToString(), Is.EqualTo("""{"used":0,"limit":1000,"plan_limit":1000,"extra_allowance":0}"""));
            Assert.That(nextMonth.GetProperty("overage_packs").GetInt32(), Is.EqualTo(0));
            Assert.That(nextMonth.GetProperty("charges").GetArrayLength(), Is.EqualTo(1), "the ledger keeps every charge");
        });
    }

    [Test]
    public async Task Admin_Usage_WhenUnknown_Returns404()
    {
        await WireJson.AssertErrorAsync(await _admin.GetAsync($"/admin/v1/organizations/{Guid.NewGuid()}/usage"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    // --- webhook deliveries -----------------------------------------------------------------------------------------

    [Test]
    public async Task Admin_WebhookDeliveries_ListsEveryWebhookOfTheOrganizationOnly()
    {
        var organization = await Factory.CreateOrganizationAsync();
        var (first, _) = await RegisterAsync(organization.Client, _receiver.Url, "booking.confirmed");
        var (second, _) = await RegisterAsync(organization.Client, _receiver.Url + "?second=1", "booking.confirmed");
        var other = await Factory.CreateOrganizationAsync();
        await RegisterAsync(other.Client, _receiver.Url, "booking.confirmed");
        await BookAsync(other.Client, await HumanAsync(other.Client));
        await BookAsync(organization.Client, await HumanAsync(organization.Client));
        await WebhookReceiver.WaitUntilAsync(
            async () => (await DeliveriesAsync(organization.Client, first, "?status=delivered")).GetProperty("total").GetInt32() == 1
                && (await DeliveriesAsync(organization.Client, second, "?status=delivered")).GetProperty("total").GetInt32() == 1,
            "both delivered");

        var list = await ReadOkAsync(await _admin.GetAsync($"/admin/v1/organizations/{organization.Id}/webhook-deliveries"));
        var delivered = await ReadOkAsync(await _admin.GetAsync($"/admin/v1/organizations/{organization.Id}/webhook-deliveries?status=delivered&limit=1&offset=1"));
        var pending = await ReadOkAsync(await _admin.GetAsync($"/admin/v1/organizations/{organization.Id}/webhook-deliveries?status=pending"));

        var deliveries = list.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(WireJson.PropertyNames(list), Is.EqualTo(new[] { "deliveries", "total", "limit", "offset" }));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(deliveries.Select(d => d.GetProperty("webhook_id").GetString()), Is.EquivalentTo(new[] { first, second }));
            Assert.That(WireJson.PropertyNames(deliveries[0]), Does.Contain("attempts").And.Contain("status").And.Contain("booking_id"));
            Assert.That((delivered.GetProperty("total").GetInt32(), delivered.GetProperty("deliveries").GetArrayLength()), Is.EqualTo((2, 1)));
            Assert.That((delivered.GetProperty("limit").GetInt32(), delivered.GetProperty("offset").GetInt32()), Is.EqualTo((1, 1)));
            Assert.That(pending.GetProperty("total").GetInt32(), Is.EqualTo(0));
        });
    }

    [TestCase("status=sent", "status", TestName = "Admin_WebhookDeliveries_WithUnknownStatus_Returns422NamingStatus")]
    [TestCase("limit=0", "limit", TestName = "Admin_WebhookDeliveries_WithZeroLimit_Returns422NamingLimit")]
    [TestCase("offset=x", "offset", TestName = "Admin_WebhookDeliveries_WithBadOffset_Returns422NamingOffset")]
    public async Task Admin_WebhookDeliveries_WithBadParameter_Returns422NamingIt(string query, string field)
    {
        var organization = await Factory.CreateOrganizationAsync();

        var error = await WireJson.AssertErrorAsync(
            await _admin.GetAsync($"/admin/v1/organizations/{organization.Id}/webhook-deliveries?{query}"),
            HttpStatusCode.UnprocessableEntity,
            "VALIDATION_ERROR");
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(field));
    }

    [Test]
    public async Task Admin_WebhookDeliveries_WhenUnknown_Returns404()
    {
        await WireJson.AssertErrorAsync(
            await _admin.GetAsync($"/admin/v1/organizations/{Guid.NewGuid()}/webhook-deliveries"), HttpStatusCode.NotFound, "NOT_FOUND");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await WireJson.ReadAsync(response);
    }

    private Task<HttpResponseMessage> PatchAsync(Guid organizationId, string body) =>
        _admin.PatchAsync($"/admin/v1/organizations/{organizationId}", WireJson.Body(body));

    private async Task<JsonElement> UsageAsync(Guid organizationId) =>
        await ReadOkAsync(await _admin.GetAsync($"/admin/v1/organizations/{organizationId}/usage"));

    private async Task<(string Id, string Key)> CreateKeyAsync(Guid organizationId, string name)
    {
        var response = await _admin.PostAsync($"/admin/v1/organizations/{organizationId}/api-keys", WireJson.Body(JsonSerializer.Serialize(new { name })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await WireJson.ReadAsync(response);
        return (created.GetProperty("id").GetString()!, created.GetProperty("api_key").GetString()!);
    }

    private Task<DateTimeOffset?> LastUsedAsync(TestOrganization organization)
    {
        var hash = ApiKeySecret.Hash(organization.ApiKey);
        return Factory.QueryAsync(db => db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash).Select(k => k.LastUsedAt).SingleAsync());
    }

    /// <summary>The same slots as <see cref="WebhookTestKit.BookAsync"/>, for a booking that may be refused.</summary>
    private static string BookingBody(string humanId, int slot)
    {
        var start = new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero).AddDays(slot / 24).AddMinutes(slot % 24 * 30);
        return $$"""{"human_id":"{{humanId}}","starts_at":"{{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","duration":30,"attendee_name":"Quota"}""";
    }

    /// <summary>Puts the organization's current month at <paramref name="bookings"/>, as BookingQuotaTests does: one row, as a month counted before the rows were sharded.</summary>
    private Task<int> SetUsageAsync(Guid organizationId, int bookings) =>
        Factory.QueryAsync(async db =>
        {
            db.MonthlyUsage.Add(new MonthlyUsage(organizationId, OverageCharge.MonthKey(HeldNow), shard: 0));
            await db.SaveChangesAsync();
            return await db.MonthlyUsage.Where(u => u.OrganizationId == organizationId)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Bookings, bookings));
        });
}
