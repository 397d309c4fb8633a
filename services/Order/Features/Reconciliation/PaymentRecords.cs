using System.Net;
using System.Net.Http.Json;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.Reconciliation;

/// <summary>
/// The Payment service's reads of one order, asked with this service's token: its reconciliation (<c>GET
/// /api/payments/orders/{id}/reconciliation</c>: its ledger against the processor's record) and the payment methods a
/// terminal is shown at the counter.
/// </summary>
public sealed class PaymentRecords(HttpClient http)
{
    private sealed record Totals(decimal Authorized, decimal Captured, decimal OpenAuthorizations, decimal Refunded, decimal NetCaptured);

    private sealed record Reconciliation(bool Reconciles, Totals Ledger, IReadOnlyList<string> Differences);

    /// <summary>The Payment service's "payment methods available" for the order, as it answered it (card tokens masked); null when it has no payments.</summary>
    public async Task<System.Text.Json.JsonElement?> PaymentMethodsAsync(Guid orderId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/api/payments/orders/{orderId}/payment-methods", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct);
    }

    /// <summary>The ledger's word; null when the order has no payments.</summary>
    public async Task<LedgerWord?> LedgerAsync(Guid orderId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/api/payments/orders/{orderId}/reconciliation", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        var view = await response.Content.ReadFromJsonAsync<Reconciliation>(ct)
                   ?? throw new InvalidOperationException("The Payment service answered an empty reconciliation.");
        return new LedgerWord(view.Ledger.Authorized, view.Ledger.Captured, view.Ledger.OpenAuthorizations, view.Ledger.Refunded,
            view.Ledger.NetCaptured, view.Reconciles, view.Differences);
    }
}
