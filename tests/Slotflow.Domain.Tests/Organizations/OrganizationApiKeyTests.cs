using Slotflow.Domain.Common;
using Slotflow.Domain.Organizations;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Organizations;

public sealed class OrganizationApiKeyTests
{
    private const string WellFormedKey = "sk_live_abcdefghijklmnopqrstuvwxyz012345";
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 9, 30, 0, TimeSpan.FromHours(-7));

    [Test]
    public void IssueApiKey_Always_ReturnsAWellFormedPlaintext()
    {
        var organization = NewOrganization();

        Assert.That(organization.IssueApiKey("default", Now), Does.Match("^sk_live_[a-z0-9]{32}$"));
    }

    [Test]
    public void IssueApiKey_Always_StoresOnlyTheHashAndDisplayPrefix()
    {
        var organization = NewOrganization();

        var plaintext = organization.IssueApiKey("default", Now);

        var key = organization.ApiKeys.Single();
        Assert.That(key.Hash, Is.EqualTo(ApiKeySecret.Hash(plaintext)));
        Assert.That(key.Hash, Is.Not.EqualTo(plaintext));
        Assert.That(key.Prefix, Is.EqualTo(plaintext[..12]));
        Assert.That(new[] { key.Name, key.Prefix, key.Hash }, Has.None.Contains(plaintext[12..]));
    }

    [Test]
    public void IssueApiKey_Always_RecordsOwnerNameAndUtcCreation()
    {
        var organization = NewOrganization();

        organization.IssueApiKey("default", Now);

        var key = organization.ApiKeys.Single();
        Assert.That(key.Id, Is.Not.EqualTo(Guid.Empty));
        Assert.That(key.OrganizationId, Is.EqualTo(organization.Id));
        Assert.That(key.Name, Is.EqualTo("default"));
        Assert.That(key.CreatedAt, Is.EqualTo(Now));
        Assert.That(key.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(key.RevokedAt, Is.Null);
    }

    [Test]
    public void IssueApiKey_WhenCalledTwice_IssuesTwoDifferentKeys()
    {
        var organization = NewOrganization();

        var first = organization.IssueApiKey("one", Now);
        var second = organization.IssueApiKey("two", Now);

        Assert.That(second, Is.Not.EqualTo(first));
        Assert.That(organization.ApiKeys.Select(k => k.Hash), Is.EqualTo(new[] { ApiKeySecret.Hash(first), ApiKeySecret.Hash(second) }));
    }

    [Test]
    public void AddApiKey_WhenWellFormed_StoresItsHash()
    {
        var organization = NewOrganization();

        organization.AddApiKey("development", WellFormedKey, Now);

        var key = organization.ApiKeys.Single();
        Assert.That(key.Hash, Is.EqualTo(ApiKeySecret.Hash(WellFormedKey)));
        Assert.That(key.Prefix, Is.EqualTo("sk_live_abcd"));
    }

    [TestCase("pk_live_abcdefghijklmnopqrstuvwxyz012345", TestName = "AddApiKey_WhenPrefixIsWrong_ThrowsValidationError")]
    [TestCase("sk_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", TestName = "AddApiKey_WhenUppercase_ThrowsValidationError")]
    [TestCase("sk_live_abcdefghijklmnopqrstuvwxyz01234", TestName = "AddApiKey_WhenBodyIs31Characters_ThrowsValidationError")]
    [TestCase("sk_live_abcdefghijklmnopqrstuvwxyz0123456", TestName = "AddApiKey_WhenBodyIs33Characters_ThrowsValidationError")]
    [TestCase("sk_live_abcdefghijklmnopqrstuvwxyz012345\n", TestName = "AddApiKey_WhenTrailingNewline_ThrowsValidationError")]
    [TestCase("", TestName = "AddApiKey_WhenEmpty_ThrowsValidationError")]
    public void AddApiKey_WhenMalformed_ThrowsValidationErrorAndStoresNothing(string plaintext)
    {
        var organization = NewOrganization();

        Assert.That(() => organization.AddApiKey("development", plaintext, Now), ThrowsDomainError(ErrorCode.ValidationError));
        Assert.That(organization.ApiKeys, Is.Empty);
    }

    private static Organization NewOrganization() => Organization.Create("Acme", Plan.Starter, autoPurchase: false, Now);
}
