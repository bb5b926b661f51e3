using MongoDB.Bson;

namespace Notes.Api.Features.Notes.Update;

internal sealed class Data(IMongoCollection<Note> notes)
{
    /// <summary>
    /// Rewrites the note when it is the owner's and still at the required version (any, when null), as a compare-and-set on the
    /// version it read: of two writers racing from one version, exactly one succeeds. Answers null when the note is missing or,
    /// with a required version, when another write came first. Without one the last write wins, so a lost race is simply retried.
    /// </summary>
    public async Task<Note?> TryUpdateOwnedAsync(
        string id, string ownerId, int? requiredVersion, string title, string description, DateTime now, CancellationToken ct)
    {
        if (!ObjectId.TryParse(id, out _))
            return null;

        var update = Builders<Note>.Update
            .Set(n => n.Title, title)
            .Set(n => n.Description, description)
            .Set(n => n.UpdatedAt, now)
            .Inc(n => n.Version, 1);
        while (true)
        {
            var current = await notes.Find(n => n.Id == id && n.OwnerId == ownerId).FirstOrDefaultAsync(ct);
            if (current is null || (requiredVersion is { } version && current.Version != version))
                return null;

            // An update of many (of at most one, by id) because that is the write the embedded engine checks its filter for in the
            // same step as it writes; its single-document writes (findAndModify, updateOne) find first and then write by id alone,
            // which would let two writers past one version. On MongoDB every write is atomic per document either way.
            var written = await notes.UpdateManyAsync(n => n.Id == id && n.OwnerId == ownerId && n.Version == current.Version, update, cancellationToken: ct);
            if (written.MatchedCount == 1)
            {
                return new Note
                {
                    Id = id,
                    OwnerId = ownerId,
                    Title = title,
                    Description = description,
                    CreatedAt = current.CreatedAt,
                    UpdatedAt = now,
                    Version = current.Version + 1,
                };
            }
            if (requiredVersion is not null)
                return null;
        }
    }

    public async Task<bool> IsOwnedAsync(string id, string ownerId, CancellationToken ct) =>
        ObjectId.TryParse(id, out _) && await notes.Find(n => n.Id == id && n.OwnerId == ownerId).AnyAsync(ct);
}
