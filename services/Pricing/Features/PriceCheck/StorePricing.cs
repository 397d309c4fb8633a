namespace OmniChannel.Pricing.Features.PriceCheck;

/// <summary>What pricing needs to know of a store: its price group and currency.</summary>
public sealed record StorePricing(string StoreId, string PriceGroup, string Currency);
