using OmniChannel.Order.Features.MasterData;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>The master data a new order is checked against, read in one round trip.</summary>
public sealed record OrderReferenceData(
    StoreSettings? Store,
    Customer? Customer,
    FulfillmentGroup? FulfillmentGroup,
    CustomerOrderParameters Parameters,
    IReadOnlyDictionary<string, ProductInfo> Products,
    IReadOnlySet<string> CardTypeIds);

public sealed record OrderRefusal(string Code, string Detail);

/// <summary>An order that passed every rule, with each line's fulfillment resolved to the warehouse it takes stock from.</summary>
public sealed record ValidOrder(string StoreId, string TerminalId, string CustomerId, CustomerType CustomerType,
    IReadOnlyList<OrderLine> Lines, DepositTender Deposit, decimal DepositPercent);

/// <summary>ORD-1, ORD-3, ORD-12, INV-6: what makes a terminal's order acceptable. Pure: no I/O.</summary>
public static class OrderRules
{
    public const int MaxLines = 200;

    public static (ValidOrder? Order, OrderRefusal? Refusal) Validate(CreateOrderRequest request, OrderReferenceData data, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(request.TerminalId))
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

        if (ValidateDeposit(request.Deposit, data) is { } depositRefusal)
            return (null, depositRefusal);

        var deposit = request.Deposit!;
        var percent = Orders.Deposit.PercentFor(customer.Type, data.Parameters.DefaultDepositPercent);
        return (new ValidOrder(store.StoreId, request.TerminalId.Trim(), customer.Id, customer.Type, orderLines,
            new DepositTender(deposit.TenderTypeId!, deposit.CardTypeId!, deposit.CardToken!), percent), null);
    }

    private static (OrderLine?, OrderRefusal?) ValidateLine(int lineId, CreateOrderLine line, StoreSettings store,
        FulfillmentGroup group, OrderReferenceData data, DateOnly today)
    {
        if (line.Quantity <= 0)
            return RefuseLine("line.quantity_invalid", $"Line {lineId}: quantity must be at least 1.");
        if (line.Sku is null || !data.Products.TryGetValue(line.Sku, out var product))
            return RefuseLine("product.unknown", $"Line {lineId}: no product '{line.Sku}'.");
        if (product.RevenueRecognition)
            return RefuseLine("product.revenue_recognition", $"Line {lineId}: '{product.Sku}' needs revenue recognition and cannot be sold on a channel order (ORD-12).");

        var (fulfillment, refusal) = ResolveFulfillment(lineId, line.Fulfillment, store, group, data.Parameters, today);
        return refusal is null ? (new OrderLine(lineId, product.Sku, line.Quantity, fulfillment!), null) : (null, refusal);
    }

    private static (Fulfillment?, OrderRefusal?) ResolveFulfillment(int lineId, FulfillmentRequest? request, StoreSettings store,
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

    private static OrderRefusal? ValidateDeposit(DepositTenderRequest? deposit, OrderReferenceData data)
    {
        if (deposit is null || string.IsNullOrWhiteSpace(deposit.CardToken))
            return new("deposit.card_token_required", "A card deposit tender with a cardToken is required.");
        if (deposit.TenderTypeId != "CARD")
            return new("deposit.tender_type_unknown", $"Tender type '{deposit.TenderTypeId}' is not a card tender.");
        if (deposit.CardTypeId is null || !data.CardTypeIds.Contains(deposit.CardTypeId))
            return new("deposit.card_type_unknown", $"Card type '{deposit.CardTypeId}' is not accepted.");
        if (LooksLikeCardNumber(deposit.CardToken))
            return new("deposit.card_number_refused", "Send a card token, never a card number (PAY-12).");
        return null;
    }

    /// <summary>13 to 19 digits (spaces or dashes aside) is a card number, not a token: refused before it is stored anywhere.</summary>
    public static bool LooksLikeCardNumber(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 13 and <= 19 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '-');
    }

    private static (ValidOrder?, OrderRefusal?) Refuse(string code, string detail) => (null, new OrderRefusal(code, detail));

    private static (OrderLine?, OrderRefusal?) RefuseLine(string code, string detail) => (null, new OrderRefusal(code, detail));

    private static (Fulfillment?, OrderRefusal?) RefuseFulfillment(string code, string detail) => (null, new OrderRefusal(code, detail));
}
