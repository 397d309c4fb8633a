using OmniChannel.Contracts.Inventory;

namespace OmniChannel.InventoryAllocation.Features.Reservations;

public enum ReservationStatus { Active, Refused, Released }

/// <summary>INV-7: what an order holds (or was refused); one per order, so a redelivered request changes nothing twice.</summary>
public sealed record Reservation(
    Guid Id,
    string ConfirmationNumber,
    ReservationStatus Status,
    IReadOnlyList<ReservationLine> Lines,
    string? RefusalCode,
    string? RefusalReason,
    DateTimeOffset At);
