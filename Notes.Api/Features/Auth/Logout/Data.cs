namespace Notes.Api.Features.Auth.Logout;

internal sealed class Data(IMongoCollection<Session> sessions)
{
    public Task EndSessionAsync(string sessionId, string userId, CancellationToken ct) =>
        sessions.DeleteOneAsync(s => s.Id == sessionId && s.UserId == userId, ct);
}
