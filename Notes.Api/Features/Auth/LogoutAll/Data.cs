namespace Notes.Api.Features.Auth.LogoutAll;

internal sealed class Data(IMongoCollection<Session> sessions)
{
    public async Task<long> EndAllSessionsAsync(string userId, CancellationToken ct) =>
        (await sessions.DeleteManyAsync(s => s.UserId == userId, ct)).DeletedCount;
}
