namespace Notes.Api.Features.Auth.Refresh;

internal sealed class Data(IMongoCollection<Session> sessions)
{
    /// <summary>Deletes the session and says whether this call was the one that did: a token refreshes once, never twice.</summary>
    public async Task<bool> TryEndSessionAsync(string sessionId, string userId, CancellationToken ct) =>
        (await sessions.DeleteOneAsync(s => s.Id == sessionId && s.UserId == userId, ct)).DeletedCount == 1;
}
