namespace Notes.Api.Features.Notes.Add;

internal sealed class Data(IMongoCollection<Note> notes)
{
    public async Task<Note> InsertAsync(string ownerId, string title, string description, DateTime now, CancellationToken ct)
    {
        var note = new Note { OwnerId = ownerId, Title = title, Description = description, CreatedAt = now, UpdatedAt = now, Version = 1 };
        await notes.InsertOneAsync(note, cancellationToken: ct);
        return note;
    }
}
