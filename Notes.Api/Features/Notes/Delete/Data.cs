namespace Notes.Api.Features.Notes.Delete;

internal sealed class Data(IMongoCollection<Note> notes)
{
    public async Task<bool> TryDeleteReachableAsync(string id, string ownerId, DateTime now, CancellationToken ct) =>
        (await notes.DeleteOneAsync(Reachable.Note(id, ownerId, now), ct)).DeletedCount == 1;
}
