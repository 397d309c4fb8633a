using System.Text.Json;
using System.Text.Json.Serialization;
using OmniChannel.Order.Features.CreateOrder;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Ecommerce;

/// <summary>The storefront's customer as its checkout took them (ECM-2): matched to a platform customer, never trusted as one.</summary>
public sealed record StorefrontCustomer(string? Id, string Email, string Name, string? Phone, bool AcceptsMarketing, ShippingAddress? ShippingAddress);

/// <summary>
/// One line as the storefront sold it: its identifiers for product matching (ECM-4) and the price the customer agreed
/// to (ECM-7: locked).
/// </summary>
public sealed record StorefrontLine(int LineNumber, string? Upc, string? PartNumber, string? Description, int Quantity, decimal UnitPrice);

/// <summary>The card hold the storefront's checkout took (PAY-3): its token, captured at pickup.</summary>
public sealed record StorefrontPayment(string CardTypeId, string CardToken);

/// <summary>
/// An order a storefront sent (<c>order.created</c>), read from its webhook's payload (docs/storefront-webhooks.md).
/// <see cref="Payment"/> is null for a reservation (<c>"payment": {"kind": "reserve"}</c>, PUP-9): reserved online, paid in store.
/// </summary>
public sealed record StorefrontOrder(string Number, DateTimeOffset PlacedAt, string PickupStoreId, string Currency, StorefrontCustomer Customer,
    IReadOnlyList<StorefrontLine> Lines, StorefrontPayment? Payment)
{
    /// <summary>PUP-9: reserve online, pay in store; nothing is authorized until the customer pays at the counter.</summary>
    [JsonIgnore]
    public bool IsReservation => Payment is null;
}

/// <summary>
/// Reads a webhook's payload into a <see cref="StorefrontOrder"/>, or says why it cannot (ECM-3 Process Sale Failed: the
/// raw payload is kept for support). Pure: no I/O. Only <c>order.created</c> makes an e-commerce order.
/// </summary>
public static class StorefrontPayload
{
    public const string OrderCreated = "order.created";
    public const string OrderCancelled = "order.cancelled";
    public const string PaymentKindCard = "card";
    public const string PaymentKindReserve = "reserve";
    public const int MaxLines = 200;
    private const int MaxText = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public static (StorefrontOrder? Order, string? Problem) Read(string payload)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(payload, Json);
        }
        catch (JsonException exception)
        {
            return (null, $"The payload is not a storefront order: {exception.Message}");
        }
        if (envelope is null || envelope.Type != OrderCreated)
            return (null, $"The webhook's type is '{envelope?.Type}', not '{OrderCreated}'.");
        if (envelope.Order is not { } o)
            return (null, "The webhook has no order.");
        if (!IsKey(o.Number))
            return (null, "order.number is 1 to 64 letters, digits, '-' or '_'.");
        if (o.PlacedAt is not { } placedAt)
            return (null, "order.placedAt is missing.");
        if (!IsKey(o.PickupStoreId))
            return (null, "order.pickupStoreId is missing.");
        if (o.Currency is not { Length: 3 } currency)
            return (null, "order.currency is an ISO 4217 code.");
        if (o.Customer is not { } c || !IsText(c.Email) || !c.Email!.Contains('@') || !IsText(c.Name))
            return (null, "order.customer needs an email and a name.");
        if (o.Lines is not { Count: > 0 and <= MaxLines } lines)
            return (null, $"order.lines holds 1 to {MaxLines} lines.");
        var read = new List<StorefrontLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l is null || l.Quantity is not (> 0 and <= OrderRules.MaxQuantity) || l.UnitPrice is not (>= 0 and < 1_000_000_000m)
                || (string.IsNullOrWhiteSpace(l.Upc) && string.IsNullOrWhiteSpace(l.PartNumber)))
                return (null, $"order.lines[{i}] needs a upc or partNumber, a quantity and a unitPrice.");
            read.Add(new StorefrontLine(i + 1, Trim(l.Upc), Trim(l.PartNumber), Trim(l.Description), l.Quantity.Value, l.UnitPrice.Value));
        }
        // PUP-9: a reservation names its kind; any other payment (kind "card" or none named, as before) is the checkout's card hold.
        if (o.Payment is not { } p || !(p.Kind is null or PaymentKindCard or PaymentKindReserve))
            return (null, $"order.payment is the card hold (kind \"{PaymentKindCard}\", cardTypeId, cardToken) or kind \"{PaymentKindReserve}\" (paid in store).");
        var reserve = p.Kind == PaymentKindReserve;
        if (reserve && (p.CardTypeId is not null || p.CardToken is not null))
            return (null, "order.payment of kind \"reserve\" carries no card: the customer pays at the pickup counter.");
        if (!reserve && (!IsText(p.CardTypeId) || !IsText(p.CardToken)))
            return (null, "order.payment needs the card hold's cardTypeId and cardToken.");
        return (new StorefrontOrder(o.Number!, placedAt, o.PickupStoreId!, currency.ToUpperInvariant(),
            new StorefrontCustomer(Trim(c.Id), c.Email!.Trim().ToLowerInvariant(), c.Name!.Trim(), Trim(c.Phone), c.AcceptsMarketing ?? false,
                c.ShippingAddress), read, reserve ? null : new StorefrontPayment(p.CardTypeId!.Trim(), p.CardToken!.Trim())), null);
    }

    /// <summary>An <c>order.cancelled</c> webhook's order number; null when the payload is not one (read it as an order then).</summary>
    public static string? CancelledOrderNumber(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Envelope>(payload, Json) is { Type: OrderCancelled, Order.Number: { } number } && IsKey(number) ? number : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsKey(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_');

    private static bool IsText(string? value) => !string.IsNullOrWhiteSpace(value) && value.Length <= MaxText;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, MaxText)];

    private sealed record Envelope(string? Type, OrderPayload? Order);

    private sealed record OrderPayload(string? Number, DateTimeOffset? PlacedAt, string? PickupStoreId, string? Currency, CustomerPayload? Customer,
        List<LinePayload?>? Lines, PaymentPayload? Payment);

    private sealed record CustomerPayload(string? Id, string? Email, string? Name, string? Phone, bool? AcceptsMarketing, ShippingAddress? ShippingAddress);

    private sealed record LinePayload(string? Upc, string? PartNumber, string? Description, int? Quantity, decimal? UnitPrice);

    private sealed record PaymentPayload(string? Kind, string? CardTypeId, string? CardToken);
}
