using System.Net;
using System.Net.Http.Json;
using OmniChannel.Order.Orders;

namespace OmniChannel.Order.Features.Reconciliation;

/// <summary>
/// The Payment service's reconciliation of one order (<c>GET /api/payments/orders/{id}/reconciliation</c>: its ledger
/// against the processor's record), asked with this service's token.
/// </summary>
public sealed class PaymentRecords(HttpClient http)
{
    private sealed record Totals(decimal Authorized, decimal Captured, decimal OpenAuthorizations, decimal Refunded, decimal NetCaptured);

    private sealed record Reconciliation(bool Reconciles, Totals Ledger, IReadOnlyList<string> Differences);

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
