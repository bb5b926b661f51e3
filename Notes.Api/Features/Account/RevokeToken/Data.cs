using MongoDB.Bson;

namespace Notes.Api.Features.Account.RevokeToken;

internal sealed class Data(IMongoCollection<AccessToken> tokens)
{
    /// <summary>
    /// Deletes the owner's token with this id and says whether there was one. An id that is no ObjectId names no token, and is
    /// answered like an unknown one, as a session's is.
    /// </summary>
    public async Task<bool> TryRevokeAsync(string id, string ownerId, CancellationToken ct) =>
        ObjectId.TryParse(id, out _) && (await tokens.DeleteOneAsync(t => t.Id == id && t.OwnerId == ownerId, ct)).DeletedCount == 1;
}
