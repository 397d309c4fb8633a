using JasperFx;

namespace OmniChannel.ServiceDefaults.Messaging;

/// <summary>The failures that mean "someone else changed it first": worth an immediate retry on fresh state.</summary>
internal static class ConcurrencyConflict
{
    public static bool IsConflict(Exception exception) =>
        exception switch
        {
            ConcurrencyException or DocumentAlreadyExistsException => true,
            { InnerException: { } inner } => IsConflict(inner),
            _ => false,
        };
}
