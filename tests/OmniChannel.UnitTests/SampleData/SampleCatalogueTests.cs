using OmniChannel.InventoryAllocation;
using OmniChannel.InventoryAllocation.Features.Locations;
using OmniChannel.InventoryAllocation.Features.Products;
using OmniChannel.Order;
using OmniChannel.Order.Features.MasterData;
using OmniChannel.Pickup;
using OmniChannel.ServiceDefaults.Persistence;

namespace OmniChannel.UnitTests.SampleData;

/// <summary>deploy/sample-data/catalog.json is what a newcomer sees first: it must hold together.</summary>
public class SampleCatalogueTests
{
    private static readonly InventorySampleData Inventory = ServiceDefaults.Persistence.SampleData.ReadCatalog<InventorySampleData>();
    private static readonly OrderSampleData Order = ServiceDefaults.Persistence.SampleData.ReadCatalog<OrderSampleData>();

    [Fact]
    public void Has_at_least_ten_products_each_with_a_valid_upc_and_a_vendor_part_number()
    {
        Assert.True(Inventory.Products.Count >= 10);
        Assert.All(Inventory.Products, p =>
        {
            Assert.Null(RegisterProduct.Validate(new RegisterProductRequest(p.Sku, p.Name, p.Upc, p.VendorPartNumber, p.Mpn,
                p.BasePrice, Inventory.Currency, p.PriceOverrideAllowed, p.Discountable, p.RevenueRecognition)));
        });
        Assert.Equal(Inventory.Products.Count, Inventory.Products.Select(p => p.Upc).Distinct().Count());
    }

    [Fact]
    public void Every_stock_row_names_a_known_product_and_location()
    {
        var skus = Inventory.Products.Select(p => p.Sku).ToHashSet();
        var locations = Inventory.Locations.Select(l => l.Id).ToHashSet();
        Assert.All(Inventory.Stock, row =>
        {
            Assert.Contains(row.Sku, skus);
            Assert.Contains(row.LocationId, locations);
            Assert.True(row.OnHand >= 0);
        });
    }

    [Fact]
    public void INV6_US_STORES_serves_pickup_at_the_stores_and_ships_from_all_three()
    {
        var group = Assert.Single(Inventory.FulfillmentGroups, g => g.Id == "US-STORES");
        Assert.True(group.CanPickUpAt("HOUSTON") && group.CanPickUpAt("SEATTLE"));
        Assert.False(group.CanPickUpAt("CENTRAL-DC"));
        Assert.True(group.CanShipFrom("HOUSTON") && group.CanShipFrom("SEATTLE") && group.CanShipFrom("CENTRAL-DC"));
    }

    [Fact]
    public void INV6_only_stores_may_serve_pickup()
    {
        var kinds = Inventory.Locations.ToDictionary(l => l.Id, l => l.Kind);
        Assert.All(Inventory.FulfillmentGroups.SelectMany(g => g.Locations).Where(l => l.Pickup),
            l => Assert.Equal(LocationKind.Store, kinds[l.LocationId]));
    }

    [Fact]
    public void Has_the_consumer_and_the_business_customer()
    {
        var karen = Assert.Single(Order.Customers, c => c.Id == "2001");
        Assert.Equal(("Karen Berg", CustomerType.Consumer, "karen.berg@example.com"), (karen.Name, karen.Type, karen.Email));
        Assert.Equal(CustomerType.Business, Assert.Single(Order.Customers, c => c.Id == "3001").Type);
    }

    [Fact]
    public void Pickup_counters_are_the_stores_whose_warehouse_serves_pickup()
    {
        var pickup = ServiceDefaults.Persistence.SampleData.ReadCatalog<PickupSampleData>();
        Assert.Equal(["HOUSTON", "SEATTLE"], pickup.Stores.Select(s => s.Id).Order());
        Assert.All(Order.Stores, s => Assert.Equal("US-STORES", s.FulfillmentGroupId));
    }
}
