using MongoDB.Bson;

namespace Notes.Api.Features.Shares.Revoke;

internal sealed class Data(IMongoCollection<Share> shares)
{
    /// <summary>
    /// Deletes the owner's link to the note and says whether there was one. An id that is no ObjectId names no link: the only route
    /// that carries a link's id reads it here, where it is answered like an unknown one.
    /// </summary>
    public async Task<bool> TryRevokeAsync(string shareId, string noteId, string ownerId, CancellationToken ct) =>
        ObjectId.TryParse(shareId, out _)
        && (await shares.DeleteOneAsync(s => s.Id == shareId && s.OwnerId == ownerId && s.NoteId == noteId, ct)).DeletedCount == 1;
}
