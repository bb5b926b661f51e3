using MongoDB.Bson;

namespace Notes.Api.Features.Notes.Get;

internal sealed class Data(IMongoCollection<Note> notes)
{
    public async Task<Note?> FindOwnedAsync(string id, string ownerId, CancellationToken ct) =>
        ObjectId.TryParse(id, out _)
            ? await notes.Find(n => n.Id == id && n.OwnerId == ownerId).FirstOrDefaultAsync(ct)
            : null;
}
