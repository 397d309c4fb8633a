using System.Diagnostics.Metrics;
using OmniChannel.Order.Ecommerce;
using OmniChannel.ServiceDefaults;

namespace OmniChannel.Order.Features.EcommerceOrders;

/// <summary>The e-commerce import's meters, on the platform's Meter "OmniChannel" (README.md, Metrics).</summary>
public static class EcommerceMetrics
{
    public const string StatusTag = "omnichannel.ecommerce.status";

    private static readonly Counter<long> Imported = Telemetry.Meter.CreateCounter<long>("omnichannel.ecommerce.order.imported", "{order}",
        "E-commerce orders made from storefront webhooks, by the status they arrived in (ECM-3: New, Customer ID Required, Product Match Failed, Process Sale Failed).");

    private static (int NeedAction, int Overdue)? sample;

    static EcommerceMetrics()
    {
        Telemetry.Meter.CreateObservableGauge("omnichannel.ecommerce.order.need_action", () => sample?.NeedAction ?? 0, "{order}",
            "ECM-1: e-commerce orders that need someone's action (New, Customer ID Required, Product Match Failed, Process Sale Failed), as the queue job last counted them.");
        Telemetry.Meter.CreateObservableGauge("omnichannel.ecommerce.order.overdue", () => sample?.Overdue ?? 0, "{order}",
            "ECM-5: e-commerce orders past their 4 business hours, neither accepted nor rejected, as the queue job last counted them.");
    }

    /// <summary>The queue as <see cref="EcommerceQueueJob"/> last counted it.</summary>
    public static void Sample(int needAction, int overdue) => sample = (needAction, overdue);

    public static void Received(EcommerceStatus status) =>
        Imported.Add(1, new KeyValuePair<string, object?>(StatusTag, status.ToString()));
}
