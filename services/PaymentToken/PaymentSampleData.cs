using Marten;
using OmniChannel.PaymentToken.Features.TenderTypes;

namespace OmniChannel.PaymentToken;

/// <summary>Payment-Token's slice of deploy/sample-data/catalog.json: the tender types accepted.</summary>
public sealed record PaymentSampleData(IReadOnlyList<TenderType> TenderTypes)
{
    public static void Load(PaymentSampleData data, IDocumentSession session) => session.Store(data.TenderTypes.ToArray());
}
