using OmniChannel.Order.Ecommerce;
using OmniChannel.Order.Orders;

namespace OmniChannel.UnitTests.Order;

/// <summary>ECM-2 … ECM-6: the e-commerce order's decisions, without a database.</summary>
public class EcommerceDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private static readonly ProductCandidate[] Catalogue =
    [
        new("81120", "012345678905", "TR-W-08"),
        new("81121", "012345678912", "TR-M-10"),
    ];

    private static StorefrontLine Line(int n, string? upc, string? partNumber) => new(n, upc, partNumber, "Trail shoe", 1, 99.00m);

    private static StorefrontOrder Placed(params StorefrontLine[] lines) => new("WEB-1", Now.AddHours(-1), "HOUSTON", "USD",
        new StorefrontCustomer("cus_1", "karen.berg@example.com", "Karen Berg", null, AcceptsMarketing: true,
            new ShippingAddress("1 Main", "Houston", "TX", "77002", "US")), lines, new StorefrontPayment("VISA", "tok_visa_4242"));

    private static EcommerceOrder Imported(object customer, params StorefrontLine[] lines)
    {
        var placed = Placed(lines);
        return EcommerceOrder.Fold(null, EcommerceDecider.Import(new StorefrontOrderReceived("ECM-web-WEB-1", "web", "wh_1", placed, Now),
            customer, placed.Lines.Select(l => EcommerceDecider.MatchLine(l, Catalogue))));
    }

    [Fact]
    public void ECM2_the_customer_with_the_e_mail_comes_first_then_the_one_of_an_earlier_order()
    {
        var customer = Placed().Customer;
        Assert.Equal(new EcommerceCustomerMatched("2001", CustomerMatch.Email), EcommerceDecider.MatchCustomer(customer, "2001", "3001"));
        Assert.Equal(new EcommerceCustomerMatched("3001", CustomerMatch.EarlierOrder), EcommerceDecider.MatchCustomer(customer, null, "3001"));
        Assert.Equal(new CustomerIdRequired("karen.berg@example.com"), EcommerceDecider.MatchCustomer(customer, null, null));
    }

    [Fact]
    public void ECM4_a_line_matches_by_UPC_or_by_part_number_equal_to_the_vendor_part_number()
    {
        Assert.Equal(new EcommerceLineMatched(1, "81120", ProductMatch.Upc), EcommerceDecider.MatchLine(Line(1, "012345678905", null), Catalogue));
        Assert.Equal(new EcommerceLineMatched(2, "81121", ProductMatch.VendorPartNumber), EcommerceDecider.MatchLine(Line(2, null, "TR-M-10"), Catalogue));
        Assert.Equal(new EcommerceLineMatched(3, "81120", ProductMatch.Upc), EcommerceDecider.MatchLine(Line(3, "012345678905", "TR-W-08"), Catalogue));
    }

    [Fact]
    public void ECM4_no_match_or_more_than_one_leaves_the_line_unmatched_with_its_candidates()
    {
        var none = Assert.IsType<EcommerceLineUnmatched>(EcommerceDecider.MatchLine(Line(1, "000000000000", "NOPE"), Catalogue));
        Assert.Empty(none.Candidates);
        var ambiguous = Assert.IsType<EcommerceLineUnmatched>(EcommerceDecider.MatchLine(Line(1, "012345678905", "TR-M-10"), Catalogue));
        Assert.Equal(["81120", "81121"], ambiguous.Candidates);
    }

    [Fact]
    public void ECM3_matched_in_full_the_order_is_ready_for_its_sale_and_the_sale_makes_it_New()
    {
        var order = Imported(new EcommerceCustomerMatched("2001", CustomerMatch.Email), Line(1, "012345678905", null));

        Assert.True(EcommerceDecider.ReadyForSale(order));
        var sold = EcommerceOrder.Fold(order, [new EcommerceSaleCreated("HOU-1", Now)]);
        Assert.Equal((EcommerceStatus.New, "HOU-1"), (sold.Status, sold.ConfirmationNumber));
        Assert.False(EcommerceDecider.ReadyForSale(sold));
    }

    [Fact]
    public void ECM3_no_customer_is_Customer_ID_Required_until_one_is_picked_then_the_sale_can_follow()
    {
        var order = Imported(new CustomerIdRequired("karen.berg@example.com"), Line(1, "012345678905", null));
        Assert.Equal(EcommerceStatus.CustomerIdRequired, order.Status);
        Assert.False(EcommerceDecider.ReadyForSale(order));

        var (events, refusal) = EcommerceDecider.PickCustomer(order, "2001", CustomerMatch.PickedByHand);
        Assert.Null(refusal);
        var picked = EcommerceOrder.Fold(order, events);
        Assert.True(EcommerceDecider.ReadyForSale(picked));
        Assert.Equal("ecommerce.customer_not_required", EcommerceDecider.PickCustomer(picked with { Status = EcommerceStatus.New }, "2001",
            CustomerMatch.PickedByHand).Refusal?.Code);
    }

    [Fact]
    public void ECM3_a_customer_picked_for_an_order_with_an_unmatched_line_makes_it_Product_Match_Failed()
    {
        var order = Imported(new CustomerIdRequired("x@example.com"), Line(1, "012345678905", "TR-M-10"));
        var picked = EcommerceOrder.Fold(order, EcommerceDecider.PickCustomer(order, "2001", CustomerMatch.CreatedByHand).Events);

        Assert.Equal(EcommerceStatus.ProductMatchFailed, picked.Status);
        Assert.False(EcommerceDecider.ReadyForSale(picked) && EcommerceDecider.MayProcessSale(picked) is null);
    }

    [Fact]
    public void ECM4_an_ambiguous_line_is_matched_by_hand_then_Process_Sale()
    {
        var order = Imported(new EcommerceCustomerMatched("2001", CustomerMatch.Email), Line(1, "012345678905", "TR-M-10"));
        Assert.Equal(EcommerceStatus.ProductMatchFailed, order.Status);
        Assert.Equal("ecommerce.lines_unmatched", EcommerceDecider.MayProcessSale(order)?.Code);

        var (events, refusal) = EcommerceDecider.MatchLineByHand(order, 1, "81121");
        Assert.Null(refusal);
        var matched = EcommerceOrder.Fold(order, events);
        Assert.Null(EcommerceDecider.MayProcessSale(matched));
        Assert.True(EcommerceDecider.ReadyForSale(matched));
        Assert.Equal("ecommerce.line_unknown", EcommerceDecider.MatchLineByHand(order, 9, "81121").Refusal?.Code);
    }

    [Theory]
    [InlineData(EcommerceStatus.New, EcommerceStatus.InProcess, true)]
    [InlineData(EcommerceStatus.InProcess, EcommerceStatus.ReadyForPickup, true)]
    [InlineData(EcommerceStatus.ReadyForPickup, EcommerceStatus.Completed, true)]
    [InlineData(EcommerceStatus.ProductMatchFailed, EcommerceStatus.Archived, true)]
    [InlineData(EcommerceStatus.ProcessSaleFailed, EcommerceStatus.Archived, true)]
    [InlineData(EcommerceStatus.New, EcommerceStatus.Completed, false)]
    [InlineData(EcommerceStatus.New, EcommerceStatus.Archived, false)]
    [InlineData(EcommerceStatus.Completed, EcommerceStatus.InProcess, false)]
    [InlineData(EcommerceStatus.Archived, EcommerceStatus.New, false)]
    [InlineData(EcommerceStatus.ProductMatchFailed, EcommerceStatus.New, false)]
    public void ECM3_the_store_moves_an_order_only_along_the_screen_s_statuses(EcommerceStatus from, EcommerceStatus to, bool allowed) =>
        Assert.Equal(allowed, EcommerceDecider.MayMove(from, to));

    [Fact]
    public void ECM3_Completed_and_Archived_leave_the_work_queue()
    {
        var order = Imported(new EcommerceCustomerMatched("2001", CustomerMatch.Email), Line(1, "012345678905", null));
        Assert.True(order.InWorkQueue);
        Assert.False((order with { Status = EcommerceStatus.Completed }).InWorkQueue);
        Assert.False((order with { Status = EcommerceStatus.Archived }).InWorkQueue);
    }

    [Fact]
    public void ECM6_a_rejected_sale_records_a_zero_payment_and_completes()
    {
        var order = EcommerceOrder.Fold(Imported(new EcommerceCustomerMatched("2001", CustomerMatch.Email), Line(1, "012345678905", null)),
            [new EcommerceSaleCreated("HOU-1", Now)]);

        Assert.Equal("ecommerce.sale_not_confirmed", EcommerceDecider.Reject(order, OrderStatus.Reserved, "Out of stock", "1002", Now).Refusal?.Code);
        var (events, cancelSale, refusal) = EcommerceDecider.Reject(order, OrderStatus.Confirmed, "Out of stock", "1002", Now);

        Assert.Null(refusal);
        Assert.True(cancelSale); // its card hold is voided by the sale's cancellation
        var rejected = EcommerceOrder.Fold(order, events);
        Assert.Equal((EcommerceStatus.Completed, true), (rejected.Status, rejected.ZeroPaymentRecorded));
        Assert.Contains(events, e => e is EcommerceOrderRejected);
        Assert.Equal("ecommerce.reject_invalid", EcommerceDecider.Reject(rejected, OrderStatus.Cancelled, "again", "1002", Now).Refusal?.Code);
    }

    [Fact]
    public void ECM6_a_sale_the_order_saga_rejected_is_Process_Sale_Failed_with_why_and_rejected_without_cancelling_anything()
    {
        var order = EcommerceOrder.Fold(Imported(new EcommerceCustomerMatched("2001", CustomerMatch.Email), Line(1, "012345678905", null)),
            [new EcommerceSaleCreated("HOU-1", Now)]);

        var refused = EcommerceOrder.Fold(order, EcommerceDecider.SaleRejected(order, "HOU-1", "stock.insufficient", "No stock of 81120.", Now));

        Assert.Equal((EcommerceStatus.ProcessSaleFailed, true), (refused.Status, refused.SaleRejected));
        Assert.Contains("stock.insufficient", refused.Problem);
        Assert.Empty(EcommerceDecider.SaleRejected(refused, "HOU-1", "stock.insufficient", "again", Now)); // once
        Assert.Empty(EcommerceDecider.SaleRejected(order, "HOU-2", "stock.insufficient", "not its sale", Now));
        var (events, cancelSale, refusal) = EcommerceDecider.Reject(refused, OrderStatus.Rejected, "Out of stock", "1002", Now);
        Assert.Null(refusal);
        Assert.False(cancelSale); // nothing is held for a rejected sale
        Assert.Equal((EcommerceStatus.Completed, true), (EcommerceOrder.Fold(refused, events).Status, EcommerceOrder.Fold(refused, events).ZeroPaymentRecorded));
    }

    [Fact]
    public void ECM3_an_unreadable_payload_is_Process_Sale_Failed_with_the_payload_kept()
    {
        var (order, problem) = StorefrontPayload.Read("""{"type":"order.created","order":{"number":"WEB-1"}""");
        Assert.Null(order);
        var failed = EcommerceOrder.Fold(null, [new StorefrontOrderUnreadable("ECM-web-webhook-wh_1", "web", "wh_1", "{broken", problem!, Now)]);
        Assert.Equal((EcommerceStatus.ProcessSaleFailed, "{broken"), (failed.Status, failed.RawPayload));
        Assert.Equal(EcommerceStatus.Archived, EcommerceOrder.Fold(failed, EcommerceDecider.Move(failed, EcommerceStatus.Archived, "op", Now).Events).Status);
    }

    [Fact]
    public void A_storefront_payload_is_read_with_its_prices_and_identifiers()
    {
        var (order, problem) = StorefrontPayload.Read("""
            {"type":"order.created","order":{"number":"WEB-1001","placedAt":"2026-12-07T14:00:00Z","pickupStoreId":"HOUSTON","currency":"usd",
             "customer":{"id":"cus_1","email":"Karen.Berg@Example.com","name":"Karen Berg","acceptsMarketing":true},
             "lines":[{"upc":"012345678905","description":"Trail shoe","quantity":2,"unitPrice":119.99}],
             "payment":{"cardTypeId":"VISA","cardToken":"tok_visa_4242"}}}
            """);
        Assert.Null(problem);
        Assert.Equal(("WEB-1001", "USD", "karen.berg@example.com"), (order!.Number, order.Currency, order.Customer.Email));
        Assert.Equal(new StorefrontLine(1, "012345678905", null, "Trail shoe", 2, 119.99m), Assert.Single(order.Lines));
    }

    [Fact]
    public void ECM7_locked_lines_are_priced_with_the_storefront_s_prices()
    {
        var pickup = new Fulfillment(FulfillmentKind.Pickup, "HOUSTON");
        var order = new CustomerOrder("HOU-1", Guid.NewGuid(), "HOUSTON", "storefront", "2001", OmniChannel.Order.Features.MasterData.CustomerType.Consumer,
            OrderStatus.Created, [new OrderLine(1, "81120", 2, pickup, 119.99m), new OrderLine(2, "86002", 1, pickup, 10m)],
            new DepositTender("CARD", "VISA", "tok"), 0m, [], 0m, 0m, 0m, "USD", false, null, null, Now, OrderChannel.Online);

        var answer = PricingAnswer.Locked(order);

        Assert.Equal(249.98m, answer!.Total);
        Assert.Null(PricingAnswer.Locked(order with { Lines = [new OrderLine(1, "81120", 2, pickup)] }));
    }

    [Fact]
    public void A_storefront_cancellation_completes_an_open_order_once()
    {
        Assert.Equal("WEB-1", StorefrontPayload.CancelledOrderNumber("""{"type":"order.cancelled","order":{"number":"WEB-1"}}"""));
        Assert.Null(StorefrontPayload.CancelledOrderNumber("""{"type":"order.created","order":{"number":"WEB-1"}}"""));
        Assert.Null(StorefrontPayload.CancelledOrderNumber("not json"));
        var order = EcommerceOrder.Fold(Imported(new EcommerceCustomerMatched("2001", CustomerMatch.Email), Line(1, "012345678905", null)),
            [new EcommerceSaleCreated("HOU-1", Now)]);

        var (events, refusal) = EcommerceDecider.CancelByStorefront(order, "wh_2", Now);

        Assert.Null(refusal);
        var cancelled = EcommerceOrder.Fold(order, events);
        Assert.Equal(EcommerceStatus.Completed, cancelled.Status);
        Assert.Equal("ecommerce.cancel_invalid", EcommerceDecider.CancelByStorefront(cancelled, "wh_3", Now).Refusal?.Code);
    }
}
