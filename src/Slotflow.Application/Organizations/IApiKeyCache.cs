namespace Slotflow.Application.Organizations;

/// <summary>Authentication's short-lived copy of active keys: a revocation makes this instance forget the key at once.</summary>
public interface IApiKeyCache
{
    void Forget(Guid apiKeyId);
}
