namespace Notes.Api.Features.Notes.Delete;

internal sealed class Data(NoteRemoval removal)
{
    public Task<bool> TryDeleteReachableAsync(string id, string ownerId, DateTime now, CancellationToken ct) =>
        removal.DeleteOneAsync(id, ownerId, Reachable.Note(id, ownerId, now), ct);
}
