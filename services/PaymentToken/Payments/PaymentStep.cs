namespace OmniChannel.PaymentToken.Payments;

/// <summary>What a plan decides next from the order's payments: a pure function's answer, carried out by <see cref="PaymentEngine"/>.</summary>
public abstract record PaymentStep
{
    public static readonly PaymentStep Finished = new FinishedStep();

    public static PaymentStep Record(params object[] events) => new RecordStep(events);

    public static PaymentStep Ask(ProcessorCall call) => new CallStep(call);
}

/// <summary>Nothing more to do for this request.</summary>
public sealed record FinishedStep : PaymentStep;

/// <summary>Facts to record without asking the processor (an authorization found expired, a request completed).</summary>
public sealed record RecordStep(IReadOnlyList<object> Events) : PaymentStep;

/// <summary>A call to make through the tender line's connector, journaled first.</summary>
public sealed record CallStep(ProcessorCall Call) : PaymentStep;
