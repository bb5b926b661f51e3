namespace Notes.Api.Features.Notes.Delete;

internal sealed class Data(IMongoCollection<Note> notes)
{
    public async Task<bool> TryDeleteOwnedAsync(string id, string ownerId, CancellationToken ct) =>
        (await notes.DeleteOneAsync(n => n.Id == id && n.OwnerId == ownerId, ct)).DeletedCount == 1;
}
