using System.Globalization;
using Riok.Mapperly.Abstractions;
using Slotflow.Domain.Organizations;

namespace Slotflow.Application.Organizations;

[Mapper(EnumNamingStrategy = EnumNamingStrategy.SnakeCase)]
public static partial class OrganizationMapper
{
    [MapperIgnoreSource(nameof(Organization.Version))]
    [MapperIgnoreSource(nameof(Organization.ApiKeys))]
    [MapperIgnoreSource(nameof(Organization.Limits))]
    public static partial OrganizationDto ToDto(this Organization organization);

    [MapperIgnoreSource(nameof(ApiKey.OrganizationId))]
    [MapperIgnoreSource(nameof(ApiKey.Hash))]
    [MapperIgnoreSource(nameof(ApiKey.IsRevoked))]
    public static partial ApiKeyDto ToDto(this ApiKey apiKey);

    [MapperIgnoreSource(nameof(OverageCharge.OrganizationId))]
    [MapPropertyFromSource(nameof(ChargeDto.Description), Use = nameof(Describe))]
    public static partial ChargeDto ToDto(this OverageCharge charge);

    /// <summary>A month key (yyyyMM) as it is on the wire: "2026-03".</summary>
    public static string MonthToWire(int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{month / 100:D4}-{month % 100:D2}");

    private static string Describe(OverageCharge charge) =>
        string.Create(CultureInfo.InvariantCulture, $"Overage pack: {charge.Bookings} bookings for {MonthToWire(charge.Month)}");
}
