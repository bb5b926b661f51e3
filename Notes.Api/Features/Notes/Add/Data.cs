namespace Notes.Api.Features.Notes.Add;

internal sealed class Data(IMongoCollection<Note> notes)
{
    /// <summary>The owner's notes, counted no further than <paramref name="limit"/>: a walk along the owner's stretch of an index.</summary>
    public Task<long> CountOwnedUpToAsync(string ownerId, int limit, CancellationToken ct) =>
        notes.CountDocumentsAsync(n => n.OwnerId == ownerId, new CountOptions { Limit = limit }, ct);

    public async Task<Note> InsertAsync(string ownerId, string title, string description, DateTime now, CancellationToken ct)
    {
        var note = new Note { OwnerId = ownerId, Title = title, Description = description, CreatedAt = now, UpdatedAt = now, Version = 1 };
        await notes.InsertOneAsync(note, cancellationToken: ct);
        return note;
    }
}
