using System.Diagnostics;
using OmniChannel.Order.Orders;
using OmniChannel.ServiceDefaults;
using OmniChannel.ServiceDefaults.Security;

namespace OmniChannel.Order.Features.CreateOrder;

/// <summary>
/// Issue 10, one trace per order: an order created after its request (real time, or the sync job in the worker) is
/// created under a "create order" activity whose parent is the request's trace context, kept in the terminal
/// transaction. A batch gets a "create orders" activity of its own, which links to each order's request.
/// </summary>
public static class CreationTrace
{
    public const string ConfirmationNumber = "omnichannel.order.confirmation_number";
    public const string Path = "omnichannel.order.creation_path";
    public const string BatchSize = "omnichannel.order.batch_size";
    public const string AlreadyCreated = "omnichannel.order.already_created";

    /// <summary>The creation of one order, in its request's trace (or under the current activity when it has none).</summary>
    public static Activity? StartOrder(TerminalTransaction transaction, CreationPath path)
    {
        var activity = Telemetry.ActivitySource.StartActivity("create order", ActivityKind.Internal, transaction.Trace?.Parent ?? default);
        activity?.SetTag(ConfirmationNumber, transaction.ConfirmationNumber);
        activity?.SetTag(Path, OrderMetrics.PathName(path));
        if (transaction.Initiator is { } initiator)
            InitiatorTelemetry.Tag(activity, initiator);
        return activity;
    }

    /// <summary>A batch's commit, linked to the request of every order in it.</summary>
    public static Activity? StartBatch(IReadOnlyList<TerminalTransaction> transactions, CreationPath path)
    {
        var links = transactions.Where(t => t.Trace is not null).Select(t => new ActivityLink(t.Trace!.Parent));
        var activity = Telemetry.ActivitySource.StartActivity("create orders", ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag(Path, OrderMetrics.PathName(path));
        activity?.SetTag(BatchSize, transactions.Count);
        return activity;
    }
}
