namespace OmniChannel.ServiceDefaults.Webhooks;

/// <summary>
/// Where the platform sends a storefront its webhooks and the secret it signs them with:
/// <c>Storefronts:{id}:WebhookUrl</c> and <c>Storefronts:{id}:WebhookSecret</c> (Standard Webhooks' <c>whsec_…</c> form,
/// the same secret the storefront signs its own webhooks to the Order service with). A storefront without both is sent nothing.
/// </summary>
public sealed class StorefrontTargets
{
    public Dictionary<string, StorefrontTarget> Storefronts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The storefronts that can be sent webhooks, by id.</summary>
    public IEnumerable<(string Id, Uri Url, string Secret)> Reachable() =>
        from pair in Storefronts
        where !string.IsNullOrEmpty(pair.Value.WebhookSecret)
              && Uri.TryCreate(pair.Value.WebhookUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
        orderby pair.Key
        select (pair.Key, new Uri(pair.Value.WebhookUrl!), pair.Value.WebhookSecret!);
}

public sealed class StorefrontTarget
{
    public string? WebhookUrl { get; init; }
    public string? WebhookSecret { get; init; }
}
