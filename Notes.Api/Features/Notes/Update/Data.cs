namespace Notes.Api.Features.Notes.Update;

/// <summary>How an update ended: the rewritten note, or why there is none.</summary>
internal abstract record Outcome
{
    internal sealed record Updated(Note Note) : Outcome;

    /// <summary>The note is the owner's, but at another version than the one required.</summary>
    internal sealed record Stale : Outcome;

    /// <summary>No such note among the owner's.</summary>
    internal sealed record Missing : Outcome;
}

internal sealed class Data(IMongoCollection<Note> notes)
{
    /// <summary>
    /// Rewrites the note when it is the owner's and still at the required version (any, when null), as a compare-and-set on the
    /// version it read: of two writers racing from one version, exactly one succeeds. A lost race reads the note again, which
    /// then tells what happened: another write came first (stale, or simply retried when no version was required) or a delete.
    /// </summary>
    public async Task<Outcome> UpdateOwnedAsync(
        string id, string ownerId, int? requiredVersion, string title, string description, DateTime now, CancellationToken ct)
    {
        var update = Builders<Note>.Update
            .Set(n => n.Title, title)
            .Set(n => n.Description, description)
            .Set(n => n.UpdatedAt, now)
            .Inc(n => n.Version, 1);
        while (true)
        {
            var current = await notes.Find(n => n.Id == id && n.OwnerId == ownerId).FirstOrDefaultAsync(ct);
            if (current is null)
                return new Outcome.Missing();
            if (requiredVersion is { } version && current.Version != version)
                return new Outcome.Stale();

            // An update of many (of at most one, by id) because that is the write the embedded engine checks its filter for in the
            // same step as it writes; its single-document writes (findAndModify, updateOne) find first and then write by id alone,
            // which would let two writers past one version. On MongoDB every write is atomic per document either way.
            var written = await notes.UpdateManyAsync(n => n.Id == id && n.OwnerId == ownerId && n.Version == current.Version, update, cancellationToken: ct);
            if (written.MatchedCount == 1)
            {
                return new Outcome.Updated(new Note
                {
                    Id = id,
                    OwnerId = ownerId,
                    Title = title,
                    Description = description,
                    CreatedAt = current.CreatedAt,
                    UpdatedAt = now,
                    Version = current.Version + 1,
                });
            }
        }
    }
}
