namespace Notes.Api.Features.Notes.Add;

internal sealed class Data(IMongoCollection<Note> notes)
{
    /// <summary>The notes the owner can reach, counted no further than <paramref name="limit"/>: a walk along the owner's stretch of an index.</summary>
    public Task<long> CountReachableUpToAsync(string ownerId, int limit, DateTime now, CancellationToken ct) =>
        notes.CountDocumentsAsync(Reachable.Notes(ownerId, now), new CountOptions { Limit = limit }, ct);

    public Task InsertAsync(Note note, CancellationToken ct) => notes.InsertOneAsync(note, cancellationToken: ct);
}
