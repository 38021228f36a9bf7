using Slotflow.Domain.Common;
using Slotflow.Domain.Humans;
using static Slotflow.Domain.Tests.DomainAssert;

namespace Slotflow.Domain.Tests.Humans;

public sealed class HumanTests
{
    private static readonly Guid OrganizationId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 9, 30, 0, TimeSpan.FromHours(-4));

    [Test]
    public void Create_WhenInputIsValid_KeepsEveryField()
    {
        var human = Human.Create(OrganizationId, "Ada Lovelace", "Europe/London", "ada@example.com", "Engineer", Now);

        Assert.That(human.Id, Is.Not.EqualTo(Guid.Empty));
        Assert.That(human.OrganizationId, Is.EqualTo(OrganizationId));
        Assert.That(human.Name, Is.EqualTo("Ada Lovelace"));
        Assert.That(human.TimeZoneId, Is.EqualTo("Europe/London"));
        Assert.That(human.Email, Is.EqualTo("ada@example.com"));
        Assert.That(human.Role, Is.EqualTo("Engineer"));
    }

    [Test]
    public void Create_WhenEmailAndRoleAreNull_KeepsThemNull()
    {
        var human = Human.Create(OrganizationId, "Ada", "UTC", email: null, role: null, Now);

        Assert.That(human.Email, Is.Null);
        Assert.That(human.Role, Is.Null);
    }

    [Test]
    public void Create_WhenNameIs200Characters_Accepts() =>
        Assert.That(Human.Create(OrganizationId, new string('n', 200), "UTC", null, null, Now).Name, Has.Length.EqualTo(200));

    [Test]
    public void Create_Always_ReturnsAnActiveHumanWithoutRulesCreatedAtTheInstantInUtc()
    {
        var human = Human.Create(OrganizationId, "Ada", "America/New_York", null, null, Now);

        Assert.That(human.Active, Is.True);
        Assert.That(human.WorkingHours, Is.Null);
        Assert.That(human.CreatedAt, Is.EqualTo(Now));
        Assert.That(human.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(human.Version, Is.Zero);
    }

    [Test]
    public void Create_WhenCalledTwice_GivesDistinctIds() =>
        Assert.That(
            Human.Create(OrganizationId, "Ada", "UTC", null, null, Now).Id,
            Is.Not.EqualTo(Human.Create(OrganizationId, "Ada", "UTC", null, null, Now).Id));

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\t\n")]
    public void Create_WhenNameIsMissingOrBlank_ThrowsValidationError(string? name) =>
        Assert.That(() => Human.Create(OrganizationId, name!, "UTC", null, null, Now), ThrowsDomainError(ErrorCode.ValidationError));

    [Test]
    public void Create_WhenNameIs201Characters_ThrowsValidationError() =>
        Assert.That(() => Human.Create(OrganizationId, new string('n', 201), "UTC", null, null, Now), ThrowsDomainError(ErrorCode.ValidationError));

    [TestCase("America/San_Francisco")]
    [TestCase("Pacific Standard Time")]
    [TestCase("")]
    [TestCase("../etc/passwd")]
    [TestCase("Mars/Olympus")]
    public void Create_WhenTimeZoneIsNotIana_ThrowsValidationError(string timeZoneId) =>
        Assert.That(() => Human.Create(OrganizationId, "Ada", timeZoneId, null, null, Now), ThrowsDomainError(ErrorCode.ValidationError));

    [TestCase("America/New_York")]
    [TestCase("Europe/London")]
    [TestCase("Australia/Lord_Howe")]
    [TestCase("Asia/Kathmandu")]
    [TestCase("UTC")]
    public void Create_WhenTimeZoneIsIana_KeepsIt(string timeZoneId) =>
        Assert.That(Human.Create(OrganizationId, "Ada", timeZoneId, null, null, Now).TimeZoneId, Is.EqualTo(timeZoneId));

    [Test]
    public void Create_WhenEmailIsLongerThan254_ThrowsValidationError() =>
        Assert.That(
            () => Human.Create(OrganizationId, "Ada", "UTC", new string('e', 243) + "@example.com", null, Now),
            ThrowsDomainError(ErrorCode.ValidationError));

    [Test]
    public void Create_WhenRoleIsLongerThan200_ThrowsValidationError() =>
        Assert.That(() => Human.Create(OrganizationId, "Ada", "UTC", null, new string('r', 201), Now), ThrowsDomainError(ErrorCode.ValidationError));

    [Test]
    public void SetWorkingHours_WhenActive_SetsTheRulesAndBumpsVersion()
    {
        var human = NewHuman();
        var rules = Rules();

        human.SetWorkingHours(rules);

        Assert.That(human.WorkingHours, Is.SameAs(rules));
        Assert.That(human.Version, Is.EqualTo(1));
    }

    [Test]
    public void SetWorkingHours_WhenCalledAgain_ReplacesTheRulesAndBumpsVersionAgain()
    {
        var human = NewHuman();
        human.SetWorkingHours(Rules());
        var replacement = WorkingHours.Create([6, 7], ClockTime.FromMinutes(600), ClockTime.FromMinutes(720), [15]);

        human.SetWorkingHours(replacement);

        Assert.That(human.WorkingHours, Is.SameAs(replacement));
        Assert.That(human.Version, Is.EqualTo(2));
    }

    [Test]
    public void Deactivate_WhenActive_SetsInactiveAndBumpsVersion()
    {
        var human = NewHuman();

        human.Deactivate();

        Assert.That(human.Active, Is.False);
        Assert.That(human.Version, Is.EqualTo(1));
    }

    [Test]
    public void Deactivate_WhenAlreadyInactive_ThrowsNotFound()
    {
        var human = NewHuman();
        human.Deactivate();

        Assert.That(human.Deactivate, ThrowsDomainError(ErrorCode.NotFound));
        Assert.That(human.Version, Is.EqualTo(1));
    }

    [Test]
    public void SetWorkingHours_WhenInactive_ThrowsNotFoundAndKeepsRules()
    {
        var human = NewHuman();
        human.Deactivate();

        Assert.That(() => human.SetWorkingHours(Rules()), ThrowsDomainError(ErrorCode.NotFound));
        Assert.That(human.WorkingHours, Is.Null);
    }

    [TestCase(0)]
    [TestCase(Human.MaxOverrides - 1)]
    public void AddOverride_BelowTheCap_AddsItAndBumpsVersion(int existing)
    {
        var human = NewHuman();

        var added = human.AddOverride(existing, OverrideType.Block, "Dentist", new DateOnly(2026, 5, 1), null, null, null, Now);

        Assert.That(human.Overrides, Is.EqualTo(new[] { added }));
        Assert.That(human.Version, Is.EqualTo(1));
        Assert.That(human.OverridesVersion, Is.EqualTo(1));
    }

    [Test]
    public void RemoveOverride_BumpsBothVersions_AndOnlyOverrideChangesBumpTheOverridesVersion()
    {
        var human = NewHuman();
        human.SetWorkingHours(Rules());
        human.NoteBookingChange();
        Assert.That(human.OverridesVersion, Is.Zero, "rules and bookings leave the overrides' copy current");

        var added = human.AddOverride(0, OverrideType.Block, "Dentist", new DateOnly(2026, 5, 1), null, null, null, Now);
        human.RemoveOverride(added.Id);

        Assert.That(human.Overrides, Is.Empty);
        Assert.That(human.Version, Is.EqualTo(4));
        Assert.That(human.OverridesVersion, Is.EqualTo(2));
    }

    [TestCase(Human.MaxOverrides)]
    [TestCase(Human.MaxOverrides + 5)]
    public void AddOverride_AtTheCap_ThrowsValidationErrorNamingTheLimit_AndChangesNothing(int existing)
    {
        var human = NewHuman();

        Assert.That(
            () => human.AddOverride(existing, OverrideType.Block, "Dentist", new DateOnly(2026, 5, 1), null, null, null, Now),
            Throws.TypeOf<DomainException>()
                .With.Property(nameof(DomainException.Code)).EqualTo(ErrorCode.ValidationError)
                .And.Message.EqualTo("A human can have at most 1000 schedule overrides; delete some first."));
        Assert.That(human.Overrides, Is.Empty);
        Assert.That(human.Version, Is.Zero);
        Assert.That(human.OverridesVersion, Is.Zero);
    }

    private static Human NewHuman() => Human.Create(OrganizationId, "Ada", "Europe/London", null, null, Now);

    private static WorkingHours Rules() =>
        WorkingHours.Create([1, 2, 3, 4, 5], ClockTime.FromMinutes(540), ClockTime.FromMinutes(1020), [30, 60]);
}
