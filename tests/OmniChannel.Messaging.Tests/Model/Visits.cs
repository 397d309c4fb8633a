using Marten;
using MassTransit;

namespace OmniChannel.Messaging.Tests.Model;

/// <summary>A command whose consumer appends an event and publishes another message: who started it must reach both.</summary>
public sealed record RecordVisit(Guid VisitId);

public sealed record VisitRecorded(Guid VisitId);

/// <summary>The events of a visit's stream.</summary>
public sealed record VisitRequested(Guid VisitId);

public sealed record VisitLogged(Guid VisitId);

public sealed class VisitRecorder(IDocumentSession session) : IConsumer<RecordVisit>
{
    public async Task Consume(ConsumeContext<RecordVisit> context)
    {
        session.Events.Append(context.Message.VisitId, new VisitLogged(context.Message.VisitId));
        await context.Publish(new VisitRecorded(context.Message.VisitId));
    }
}

/// <summary>Downstream, in its own endpoint: only receives, so the delivery log shows what the recorder's message carried.</summary>
public sealed class VisitAudit : IConsumer<VisitRecorded>
{
    public Task Consume(ConsumeContext<VisitRecorded> context) => Task.CompletedTask;
}
