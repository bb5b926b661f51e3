using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Tags.Rename;

internal sealed class Data(IMongoCollection<Note> notes)
{
    /// <summary>How many of the owner's notes outside the trash carry exactly <paramref name="tag"/>: its count in the tag list.</summary>
    public async Task<int> CountOutsideTrashAsync(string ownerId, string tag, CancellationToken ct) =>
        (int)await notes.CountDocumentsAsync(
            Reachable.OutsideTrash(ownerId).Add("tags", tag), cancellationToken: ct);
}
