using OmniChannel.Contracts.Inventory;
using OmniChannel.Contracts.Payment;
using OmniChannel.Order.Features.MasterData;

namespace OmniChannel.UnitTests.Order;

/// <summary>Order taking's projections of what Inventory-Allocation and Payment-Token own, fed by their events.</summary>
public class OwnersProjectionTests
{
    private static FulfillmentGroupChanged Group(long revision, bool seattlePickup = true) => new()
    {
        GroupId = "US-STORES", Name = "US stores", Revision = revision,
        Locations =
        [
            new() { LocationId = "SEATTLE", Shipping = true, Pickup = seattlePickup },
            new() { LocationId = "CENTRAL-DC", Shipping = true, Pickup = false },
        ],
    };

    private static TenderTypeChanged Tender(long revision, params string[] cardTypes) =>
        new() { TenderTypeId = "CARD", Name = "Card", CardTypeIds = cardTypes, Revision = revision };

    [Fact]
    public void INV6_a_new_group_is_projected_with_its_locations_roles()
    {
        var group = FulfillmentGroupProjection.Apply(null, Group(1))!;

        Assert.Equal(("US-STORES", 1L), (group.Id, group.Revision));
        Assert.True(group.CanPickUpAt("SEATTLE") && group.CanShipFrom("CENTRAL-DC"));
        Assert.False(group.CanPickUpAt("CENTRAL-DC"));
    }

    [Fact]
    public void INV6_a_later_revision_replaces_the_group_and_an_older_or_repeated_one_changes_nothing()
    {
        var held = FulfillmentGroupProjection.Apply(null, Group(2))!;

        Assert.False(FulfillmentGroupProjection.Apply(held, Group(3, seattlePickup: false))!.CanPickUpAt("SEATTLE"));
        Assert.Null(FulfillmentGroupProjection.Apply(held, Group(1, seattlePickup: false)));
        Assert.Null(FulfillmentGroupProjection.Apply(held, Group(2))); // republished at the owner's start
    }

    [Fact]
    public void PAY2_tender_types_are_projected_with_their_card_types_newest_revision_kept()
    {
        var held = TenderTypeProjection.Apply(null, Tender(1, "VISA", "MC"))!;

        Assert.Equal(["VISA", "MC"], held.CardTypeIds);
        Assert.Equal(["VISA"], TenderTypeProjection.Apply(held, Tender(2, "VISA"))!.CardTypeIds);
        Assert.Null(TenderTypeProjection.Apply(held, Tender(1, "AMEX")));
    }
}
