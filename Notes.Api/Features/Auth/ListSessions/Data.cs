namespace Notes.Api.Features.Auth.ListSessions;

internal sealed record LiveSession(string Id, DateTime CreatedAt, DateTime ExpiresAt, string Client, string ClientAddress);

internal sealed class Data(IMongoCollection<Session> sessions)
{
    /// <summary>
    /// The user's sessions that have not expired, newest first (the id breaks a tie within a second). Expiry is judged by time
    /// here, since TTL removal lags (and never happens on the embedded engine). A user holds a handful, along the userId index.
    /// </summary>
    public Task<List<LiveSession>> FindLiveAsync(string userId, DateTime now, CancellationToken ct) =>
        sessions.Find(s => s.UserId == userId && s.ExpiresAt > now)
            .SortByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Project(s => new LiveSession(s.Id, s.CreatedAt, s.ExpiresAt, s.Client, s.ClientAddress))
            .ToListAsync(ct);
}
