namespace Notes.Api.Features.Notes.Get;

internal sealed class Data(IMongoCollection<Note> notes)
{
    public async Task<Note?> FindReachableAsync(string id, string ownerId, DateTime now, CancellationToken ct) =>
        await notes.Find(Reachable.Note(id, ownerId, now)).FirstOrDefaultAsync(ct);
}
