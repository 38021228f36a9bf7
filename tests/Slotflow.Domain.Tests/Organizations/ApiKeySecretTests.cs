using Slotflow.Domain.Organizations;

namespace Slotflow.Domain.Tests.Organizations;

public sealed class ApiKeySecretTests
{
    private const string ValidKey = "sk_live_abcdefghijklmnopqrstuvwxyz012345";

    [TestCase(ValidKey)]
    [TestCase("sk_live_00000000000000000000000000000000")]
    [TestCase("sk_live_zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public void IsWellFormed_WhenPrefixAnd32LowercaseAlphanumerics_ReturnsTrue(string key) =>
        Assert.That(ApiKeySecret.IsWellFormed(key), Is.True);

    [TestCase(null, TestName = "IsWellFormed_WhenNull_ReturnsFalse")]
    [TestCase("", TestName = "IsWellFormed_WhenEmpty_ReturnsFalse")]
    [TestCase("sk_test_abcdefghijklmnopqrstuvwxyz012345", TestName = "IsWellFormed_WhenTestPrefix_ReturnsFalse")]
    [TestCase("pk_live_abcdefghijklmnopqrstuvwxyz012345", TestName = "IsWellFormed_WhenWrongPrefix_ReturnsFalse")]
    [TestCase("SK_LIVE_abcdefghijklmnopqrstuvwxyz012345", TestName = "IsWellFormed_WhenPrefixUppercase_ReturnsFalse")]
    [TestCase("sk_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", TestName = "IsWellFormed_WhenBodyUppercase_ReturnsFalse")]
    [TestCase("sk_live_abcdefghijklmnopqrstuvwxyz01234", TestName = "IsWellFormed_WhenBodyIs31Characters_ReturnsFalse")]
    [TestCase("sk_live_abcdefghijklmnopqrstuvwxyz0123456", TestName = "IsWellFormed_WhenBodyIs33Characters_ReturnsFalse")]
    [TestCase("sk_live_abcdefghijklmnopqrstuvwxyz01234-", TestName = "IsWellFormed_WhenBodyHasPunctuation_ReturnsFalse")]
    [TestCase(" sk_live_abcdefghijklmnopqrstuvwxyz012345", TestName = "IsWellFormed_WhenLeadingSpace_ReturnsFalse")]
    [TestCase("sk_live_abcdefghijklmnopqrstuvwxyz012345 ", TestName = "IsWellFormed_WhenTrailingSpace_ReturnsFalse")]
    [TestCase("sk_live_abcdefghijklmnopqrstuvwxyz012345\n", TestName = "IsWellFormed_WhenTrailingNewline_ReturnsFalse")]
    [TestCase("sk_live_", TestName = "IsWellFormed_WhenPrefixOnly_ReturnsFalse")]
    public void IsWellFormed_WhenAnythingElse_ReturnsFalse(string? key) =>
        Assert.That(ApiKeySecret.IsWellFormed(key), Is.False);

    [Test]
    public void Hash_WhenCalledTwice_IsDeterministic64LowercaseHex()
    {
        var hash = ApiKeySecret.Hash(ValidKey);

        Assert.That(ApiKeySecret.Hash(ValidKey), Is.EqualTo(hash));
        Assert.That(hash, Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void Hash_WhenKeyIsKnown_IsItsSha256()
    {
        // sha256("abc"), the FIPS 180-2 test vector.
        Assert.That(ApiKeySecret.Hash("abc"), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    [Test]
    public void Hash_WhenKeysDiffer_Differs() =>
        Assert.That(ApiKeySecret.Hash(ValidKey), Is.Not.EqualTo(ApiKeySecret.Hash("sk_live_00000000000000000000000000000000")));

    [Test]
    public void Generate_Always_ReturnsAWellFormedFreshKey()
    {
        var first = ApiKeySecret.Generate();
        var second = ApiKeySecret.Generate();

        Assert.That(first, Does.Match("^sk_live_[a-z0-9]{32}$"));
        Assert.That(ApiKeySecret.IsWellFormed(first), Is.True);
        Assert.That(second, Is.Not.EqualTo(first));
    }
}
