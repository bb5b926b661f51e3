namespace Notes.Api.Entities;

/// <summary>Sign-in attempts for one username from one client address within one lockout window.</summary>
internal sealed class LoginThrottle
{
    /// <summary>"{client address}|{username key}".</summary>
    public required string Id { get; init; }

    public int Attempts { get; init; }

    public DateTime WindowEndsAt { get; init; }
}
