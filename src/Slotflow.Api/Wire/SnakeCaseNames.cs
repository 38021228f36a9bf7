using System.Text.Json;
using FluentValidation;

namespace Slotflow.Api.Wire;

/// <summary>Makes validation messages name fields as they are on the wire (snake_case).</summary>
public static class SnakeCaseNames
{
    public static string Of(string memberName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(memberName);

    public static void UseForValidation()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : Of(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : Of(member.Name);
    }
}
