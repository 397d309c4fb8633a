using Grpc.Core;
using Marten;
using OmniChannel.Contracts.Pricing;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults.Http;

namespace OmniChannel.Order.Features.OrderSaga;

/// <summary>Pricing's answer for an order's cart.</summary>
public interface IOrderPricing
{
    Task<PricingAnswer> PriceAsync(string confirmationNumber, CancellationToken ct);
}

/// <summary>
/// Asks Pricing over gRPC (through the standard resilience handler AddServiceDefaults gives every HTTP client) for the
/// lines the order's stream holds, read in a query session of its own: no transaction is held while Pricing answers.
/// </summary>
public sealed class GrpcOrderPricing(IDocumentStore store, PricingService.PricingServiceClient pricing) : IOrderPricing
{
    public async Task<PricingAnswer> PriceAsync(string confirmationNumber, CancellationToken ct)
    {
        CustomerOrder order;
        await using (var query = store.QuerySession())
            order = await query.LoadAsync<CustomerOrder>(confirmationNumber, ct)
                    ?? throw MartenOrderStream.UnknownOrder(confirmationNumber);

        if (PricingAnswer.Locked(order) is { } locked)
            return locked; // ECM-7: an e-commerce order keeps the storefront's prices
        var request = new PriceCartRequest { StoreId = order.StoreId, CustomerId = order.CustomerId };
        request.Lines.AddRange(order.Lines.Select(l => new CartLine { LineId = l.LineId.ToString(), Sku = l.Sku, Quantity = l.Quantity }));
        try
        {
            var priced = await pricing.PriceCartAsync(request, cancellationToken: ct);
            return new PricingAnswer(priced.Lines.Select(l => new LinePrice(int.Parse(l.LineId), l.UnitPrice, l.DiscountAmount, l.NetAmount)).ToList(),
                priced.NetAmount, priced.Currency);
        }
        catch (RpcException failure) when (PricingAnswer.RejectionOf(failure.StatusCode, failure.Trailers.GetValue("problem-code"),
                                               failure.Status.Detail) is { } refused)
        {
            return PricingAnswer.RefusedWith(refused);
        }
    }
}
