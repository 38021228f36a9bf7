namespace Slotflow.Domain.Webhooks;

/// <summary>
/// One spelling per webhook endpoint, so that two spellings of one address are one registration: scheme and host in
/// lower case (the host in its ASCII form), no default port, no fragment (a fragment is never sent); user info, path
/// and query as the HTTP client sends them.
/// </summary>
public static class WebhookUrl
{
    /// <summary>
    /// Whitespace and control characters are refused anywhere: <see cref="Uri"/> would silently drop some (CR, LF,
    /// tab) and escape others, so what is stored and called would not be what the caller sent.
    /// </summary>
    public static bool HasWhitespaceOrControl(string url) => url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>
    /// The canonical form of an absolute http or https URL of at most <see cref="Webhook.MaxUrlLength"/> characters
    /// (before and after canonicalising); null for anything else.
    /// </summary>
    public static string? Canonicalize(string? url)
    {
        if (url is not { Length: > 0 and <= Webhook.MaxUrlLength }
            || HasWhitespaceOrControl(url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var userInfo = uri.UserInfo.Length > 0 ? uri.UserInfo + "@" : string.Empty;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        var port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var canonical = $"{uri.Scheme}://{userInfo}{host}{port}{uri.PathAndQuery}";
        return canonical.Length <= Webhook.MaxUrlLength ? canonical : null;
    }
}
