using Marten;
using OmniChannel.Pricing.Engine.Model;

namespace OmniChannel.Pricing.Features.MasterData;

/// <summary>
/// The pricing master data of deploy/sample-data/catalog.json (its keys tradeAgreements, discounts, coupons,
/// permissionGroups, affiliations, loyaltyPrograms, catalogs). Loaded under its own sample-data version, beside
/// <see cref="PricingSampleData"/> (stores and base prices), so a database that already has those gets these
/// without having its base prices written over.
/// </summary>
public sealed record PricingMasterDataSample(
    IReadOnlyList<TradeAgreement>? TradeAgreements,
    IReadOnlyList<Discount>? Discounts,
    IReadOnlyList<Coupon>? Coupons,
    IReadOnlyList<PermissionGroup>? PermissionGroups,
    IReadOnlyList<Affiliation>? Affiliations,
    IReadOnlyList<LoyaltyProgram>? LoyaltyPrograms,
    IReadOnlyList<Catalog>? Catalogs)
{
    public const string Version = "pricing-master-data-sample-v1";

    public static void Load(PricingMasterDataSample data, IDocumentSession session)
    {
        Store(data.TradeAgreements);
        Store(data.Discounts);
        Store(data.Coupons);
        Store(data.PermissionGroups);
        Store(data.Affiliations);
        Store(data.LoyaltyPrograms);
        Store(data.Catalogs);

        void Store<T>(IReadOnlyList<T>? documents) where T : notnull
        {
            if (documents is { Count: > 0 })
                session.Store(documents.ToArray());
        }
    }
}
