namespace Notes.Api.Features.Auth.ListSessions;

/// <summary>One live session: when it started and ends, the client it started for, and whether it is the caller's own.</summary>
internal sealed record Response(string Id, DateTime CreatedAt, DateTime ExpiresAt, string Client, string ClientAddress, bool Current);
