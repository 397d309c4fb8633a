using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>The master data a new order is checked against, read in one round trip.</summary>
public sealed record OrderReferenceData(
    StoreSettings? Store,
    Customer? Customer,
    FulfillmentGroup? FulfillmentGroup,
    CustomerOrderParameters Parameters,
    IReadOnlyDictionary<string, ProductInfo> Products,
    IReadOnlySet<string> CardTypeIds);

/// <summary>
/// An order that passed every rule, with each line's fulfillment resolved to the warehouse it takes stock from;
/// <see cref="Deposit"/> is null for a reservation (PUP-9: nothing paid or authorized until the counter).
/// </summary>
public sealed record ValidOrder(string StoreId, string TerminalId, string CustomerId, CustomerType CustomerType,
    IReadOnlyList<OrderLine> Lines, DepositTender? Deposit, decimal DepositPercent, string Currency, OrderChannel Channel = OrderChannel.Store);

/// <summary>ORD-1, ORD-3, ORD-12, INV-6, PAY-1: what makes an order from a terminal, the storefront or the call center acceptable. Pure: no I/O.</summary>
public static class OrderRules
{
    public const int MaxLines = 200;

    /// <summary>Units of one line: more is no order a store takes, and sums of quantities must not overflow.</summary>
    public const int MaxQuantity = 100_000;

    /// <param name="reservation">
    /// PUP-9: a storefront's reservation (reserve online, pay in store), made from its webhook (ECM-3 New): an online order
    /// that sends no payment; nothing is authorized, the whole balance is due at pickup.
    /// </param>
    public static (ValidOrder? Order, Refusal? Refusal) Validate(CreateOrderRequest request, OrderReferenceData data, DateOnly today,
        bool reservation = false)
    {
        if (ParseChannel(request.Channel) is not { } channel)
            return Refuse("order.channel_unknown", $"channel is store, online or callCenter, not '{request.Channel}'.");
        if (channel == OrderChannel.Store && string.IsNullOrWhiteSpace(request.TerminalId))
            return Refuse("terminal.required", "terminalId is required.");
        if (data.Store is not { } store)
            return Refuse("store.unknown", $"No store '{request.StoreId}'.");
        if (string.IsNullOrWhiteSpace(request.CustomerId))
            return Refuse("customer.required", "A customer order needs a customer (ORD-1).");
        if (data.Customer is not { } customer)
            return Refuse("customer.unknown", $"No customer '{request.CustomerId}'.");
        if (request.Lines is not { Count: > 0 } lines)
            return Refuse("cart.empty", "The order has no lines.");
        if (lines.Count > MaxLines)
            return Refuse("cart.too_many_lines", $"An order has at most {MaxLines} lines.");
        if (data.FulfillmentGroup is not { } group)
            return Refuse("store.no_fulfillment_group", $"Store '{store.StoreId}' has no fulfillment group.");

        var orderLines = new List<OrderLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, refusal) = ValidateLine(i + 1, lines[i], store, group, data, today);
            if (refusal is not null)
                return (null, refusal);
            orderLines.Add(line!);
        }

        if (channel != OrderChannel.Store && orderLines.Any(l => l.Fulfillment.Kind == FulfillmentKind.CarryOut))
            return Refuse("fulfillment.carry_out_store_only", "Only a store terminal hands goods over at once: carryOut is not a storefront or call-center fulfillment.");
        if (channel != OrderChannel.Store && request.Deposit is not null)
            return Refuse("deposit.store_only", "A deposit is swiped at a store terminal: the storefront and the call center send their card token as payment.");
        var terminal = string.IsNullOrWhiteSpace(request.TerminalId) ? (channel == OrderChannel.Online ? "storefront" : "call-center") : request.TerminalId.Trim();
        if (reservation)
            return channel != OrderChannel.Online || request.Payment is not null
                ? Refuse("reservation.online_only", "A reservation is a storefront's online order without a payment: it is paid at the pickup counter.")
                : (new ValidOrder(store.StoreId, terminal, customer.Id, customer.Type, orderLines, null, 0m, store.Currency, channel), null);
        var (tender, what) = channel == OrderChannel.Store ? (request.Deposit, "deposit") : (request.Payment, "payment");
        if (ValidateTender(tender, what, data) is { } tenderRefusal)
            return (null, tenderRefusal);
        if (tender!.Percent is { } overridePercent && (channel != OrderChannel.Store || overridePercent < 0 || overridePercent > 100
                                                       || overridePercent != decimal.Round(overridePercent, 2)))
            return Refuse("deposit.percent_invalid", "A deposit override is a store terminal's, between 0 and 100 percent.");

        var percent = Orders.Deposit.PercentFor(channel, customer.Type, data.Parameters.DefaultDepositPercent, tender.Percent);
        return (new ValidOrder(store.StoreId, terminal, customer.Id, customer.Type, orderLines,
            new DepositTender(tender.TenderTypeId!, tender.CardTypeId!, tender.CardToken!), percent, store.Currency, channel), null);
    }

    private static OrderChannel? ParseChannel(string? channel) => channel?.ToLowerInvariant() switch
    {
        null or "store" => OrderChannel.Store,
        "online" => OrderChannel.Online,
        "callcenter" => OrderChannel.CallCenter,
        _ => null,
    };

    private static (OrderLine?, Refusal?) ValidateLine(int lineId, CreateOrderLine line, StoreSettings store,
        FulfillmentGroup group, OrderReferenceData data, DateOnly today)
    {
        if (line.Quantity is <= 0 or > MaxQuantity)
            return RefuseLine("line.quantity_invalid", $"Line {lineId}: quantity must be between 1 and {MaxQuantity}.");
        if (line.Sku is null || !data.Products.TryGetValue(line.Sku, out var product))
            return RefuseLine("product.unknown", $"Line {lineId}: no product '{line.Sku}'.");
        if (product.RevenueRecognition)
            return RefuseLine("product.revenue_recognition", $"Line {lineId}: '{product.Sku}' needs revenue recognition and cannot be sold on a channel order (ORD-12).");

        var (fulfillment, refusal) = ResolveFulfillment(lineId, line.Fulfillment, store, group, data.Parameters, today);
        return refusal is null ? (new OrderLine(lineId, product.Sku, line.Quantity, fulfillment!), null) : (null, refusal);
    }

    private static (Fulfillment?, Refusal?) ResolveFulfillment(int lineId, FulfillmentRequest? request, StoreSettings store,
        FulfillmentGroup group, CustomerOrderParameters parameters, DateOnly today)
    {
        switch (request?.Type?.ToLowerInvariant())
        {
            case "carryout":
                return (new Fulfillment(FulfillmentKind.CarryOut, store.WarehouseId, parameters.CarryOutModeOfDelivery), null);

            case "pickup":
                var pickupStore = request.StoreId ?? store.StoreId;
                if (!group.CanPickUpAt(pickupStore))
                    return RefuseFulfillment("fulfillment.pickup_location_not_allowed", $"Line {lineId}: '{pickupStore}' does not serve pickup in fulfillment group '{group.Id}' (INV-6).");
                if (request.Date is { } date && date < today)
                    return RefuseFulfillment("fulfillment.pickup_date_past", $"Line {lineId}: the pickup date {date:yyyy-MM-dd} has passed.");
                return (new Fulfillment(FulfillmentKind.Pickup, pickupStore, parameters.PickupModeOfDelivery, Date: request.Date ?? today), null);

            case "ship":
                var shipFrom = request.ShipFromLocationId ?? store.ShippingWarehouseId;
                if (!group.CanShipFrom(shipFrom))
                    return RefuseFulfillment("fulfillment.ship_from_not_allowed", $"Line {lineId}: '{shipFrom}' does not ship in fulfillment group '{group.Id}' (INV-6).");
                var mode = request.ModeOfDelivery ?? parameters.ShippingModesOfDelivery[0];
                if (!parameters.ShippingModesOfDelivery.Contains(mode))
                    return RefuseFulfillment("fulfillment.mode_of_delivery_unknown", $"Line {lineId}: no shipping mode of delivery '{mode}'.");
                if (request.Address is not { } address || string.IsNullOrWhiteSpace(address.Line1) || string.IsNullOrWhiteSpace(address.PostalCode))
                    return RefuseFulfillment("fulfillment.address_required", $"Line {lineId}: a shipped line needs an address with line1 and postalCode.");
                return (new Fulfillment(FulfillmentKind.Ship, shipFrom, mode, address, request.Date), null);

            default:
                return RefuseFulfillment("fulfillment.type_invalid", $"Line {lineId}: fulfillment type must be ship, pickup or carryOut.");
        }
    }

    /// <summary>The card tender (<paramref name="what"/>: deposit or payment) of the order: a card token of an accepted card type (PAY-2, PAY-12).</summary>
    private static Refusal? ValidateTender(DepositTenderRequest? tender, string what, OrderReferenceData data)
    {
        if (tender is null || string.IsNullOrWhiteSpace(tender.CardToken))
            return new($"{what}.card_token_required", $"A card {what} tender with a cardToken is required.");
        if (tender.TenderTypeId != "CARD")
            return new($"{what}.tender_type_unknown", $"Tender type '{tender.TenderTypeId}' is not a card tender.");
        if (tender.CardTypeId is null || !data.CardTypeIds.Contains(tender.CardTypeId))
            return new($"{what}.card_type_unknown", $"Card type '{tender.CardTypeId}' is not accepted.");
        if (LooksLikeCardNumber(tender.CardToken))
            return new($"{what}.card_number_refused", "Send a card token, never a card number (PAY-12).");
        return null;
    }

    /// <summary>13 to 19 digits (spaces or dashes aside) is a card number, not a token: refused before it is stored anywhere.</summary>
    public static bool LooksLikeCardNumber(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 13 and <= 19 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '-');
    }

    private static (ValidOrder?, Refusal?) Refuse(string code, string detail) => (null, new Refusal(code, detail));

    private static (OrderLine?, Refusal?) RefuseLine(string code, string detail) => (null, new Refusal(code, detail));

    private static (Fulfillment?, Refusal?) RefuseFulfillment(string code, string detail) => (null, new Refusal(code, detail));
}
