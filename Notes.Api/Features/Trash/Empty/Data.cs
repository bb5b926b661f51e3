using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Trash.Empty;

internal sealed class Data(NoteRemoval removal)
{
    /// <summary>Deletes the owner's notes in the trash that they can still reach, with their revisions: those past their purge date are the purge job's, and not counted.</summary>
    public Task<long> DeleteTrashedAsync(string ownerId, DateTime now, CancellationToken ct) => removal.DeleteAllAsync(Reachable.InTrash(ownerId, now), ct);
}
