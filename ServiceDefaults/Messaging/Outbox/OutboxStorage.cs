using Marten;

namespace OmniChannel.ServiceDefaults.Messaging.Outbox;

/// <summary>The inbox and outbox documents in each service's own schema, with the columns their queries filter on.</summary>
internal static class OutboxStorage
{
    public static void Configure(StoreOptions options, OutboxSignal signal)
    {
        options.Schema.For<OutboxMessage>()
            .DocumentAlias("outbox_message")
            .Duplicate(message => message.InboxId)
            .Duplicate(message => message.SequenceNumber)
            .Duplicate(message => message.Created);

        options.Schema.For<InboxState>()
            .DocumentAlias("inbox_state")
            .UseNumericRevisions(true)
            .Metadata(metadata => metadata.Revision.MapTo(inbox => inbox.Version))
            .Duplicate(inbox => inbox.Received);

        options.Listeners.Add(new OutboxCommitListener(signal));
    }
}
