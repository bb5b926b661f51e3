namespace Notes.Api.Entities;

/// <summary>Events of one kind from one source, counted in one fixed window: failed sign-ins, or accounts created.</summary>
internal sealed class Throttle
{
    /// <summary>"{purpose}|{client address}", and more where the purpose needs it: "login|203.0.113.9|ada", "register|203.0.113.9".</summary>
    public required string Id { get; init; }

    public int Count { get; init; }

    public DateTime WindowEndsAt { get; init; }
}
