using MongoDB.Bson;

namespace Notes.Api.Features.Auth.EndSession;

internal sealed class Data(IMongoCollection<Session> sessions)
{
    /// <summary>
    /// Deletes the user's session with this id and says whether there was one. An id that is no ObjectId names no session: the only
    /// route that carries a session id reads it here, where it is answered like an unknown one.
    /// </summary>
    public async Task<bool> TryEndAsync(string id, string userId, CancellationToken ct) =>
        ObjectId.TryParse(id, out _) && (await sessions.DeleteOneAsync(s => s.Id == id && s.UserId == userId, ct)).DeletedCount == 1;
}
