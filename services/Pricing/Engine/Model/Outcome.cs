using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Pricing.Engine.Model;

/// <summary>Either a value or a refusal: decisions return it instead of throwing.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal) where T : class
{
    public bool IsRefused => Refusal is not null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);
}
