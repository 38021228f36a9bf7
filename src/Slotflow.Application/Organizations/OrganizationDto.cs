namespace Slotflow.Application.Organizations;

/// <summary>An organization as the Admin API shows it.</summary>
public sealed record OrganizationDto(Guid Id, string Name, string Plan, bool AutoPurchase, DateTimeOffset CreatedAt);

public sealed record OrganizationListDto(IReadOnlyList<OrganizationDto> Organizations, int Total, int Limit, int Offset);

/// <summary>An API key as listed: never its secret nor its hash.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just issued, with its plaintext, which is shown this once and never again.</summary>
public sealed record CreatedApiKeyDto(
    Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string ApiKey);

public sealed record ApiKeyListDto(IReadOnlyList<ApiKeyDto> ApiKeys, int Total);

/// <summary>An organization's usage in the current UTC month against its plan, and its whole charges ledger.</summary>
public sealed record UsageDto(
    Guid OrganizationId,
    string Plan,
    bool AutoPurchase,
    string Month,
    BookingUsageDto Bookings,
    int OveragePacks,
    CapUsageDto Humans,
    CapUsageDto Webhooks,
    IReadOnlyList<ChargeDto> Charges);

/// <summary>Bookings made this month; <c>limit</c> is the plan's allowance plus the packs bought this month.</summary>
public sealed record BookingUsageDto(int Used, int Limit, int PlanLimit, int ExtraAllowance);

/// <summary>How many exist against the plan's cap; a null cap is unlimited.</summary>
public sealed record CapUsageDto(int Used, int? Cap);

/// <summary>One line of the charges ledger: an overage pack.</summary>
public sealed record ChargeDto(Guid Id, string Month, int Bookings, int AmountCents, string Description, DateTimeOffset CreatedAt);
