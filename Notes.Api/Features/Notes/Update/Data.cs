using MongoDB.Bson;

namespace Notes.Api.Features.Notes.Update;

internal sealed class Data(IMongoCollection<Note> notes)
{
    /// <summary>
    /// Rewrites the note in one atomic step when it is the owner's and still at the required version (any, when null);
    /// answers null otherwise.
    /// </summary>
    public async Task<Note?> TryUpdateOwnedAsync(
        string id, string ownerId, int? requiredVersion, string title, string description, DateTime now, CancellationToken ct)
    {
        if (!ObjectId.TryParse(id, out _))
            return null;

        var filter = Builders<Note>.Filter.Where(n => n.Id == id && n.OwnerId == ownerId);
        if (requiredVersion is { } version)
            filter &= Builders<Note>.Filter.Eq(n => n.Version, version);

        var update = Builders<Note>.Update
            .Set(n => n.Title, title)
            .Set(n => n.Description, description)
            .Set(n => n.UpdatedAt, now)
            .Inc(n => n.Version, 1);
        return await notes.FindOneAndUpdateAsync(filter, update, new FindOneAndUpdateOptions<Note> { ReturnDocument = ReturnDocument.After }, ct);
    }

    public async Task<bool> IsOwnedAsync(string id, string ownerId, CancellationToken ct) =>
        ObjectId.TryParse(id, out _) && await notes.Find(n => n.Id == id && n.OwnerId == ownerId).AnyAsync(ct);
}
