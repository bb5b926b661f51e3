using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Trash.Empty;

internal sealed class Data(IMongoCollection<Note> notes)
{
    /// <summary>Deletes the owner's notes in the trash that they can still reach: those past their purge date are the purge job's, and not counted.</summary>
    public async Task<long> DeleteTrashedAsync(string ownerId, DateTime now, CancellationToken ct) =>
        (await notes.DeleteManyAsync(Reachable.InTrash(ownerId, now), ct)).DeletedCount;
}
