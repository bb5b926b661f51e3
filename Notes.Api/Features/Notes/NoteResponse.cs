namespace Notes.Api.Features.Notes;

/// <summary>A note as every notes endpoint answers it.</summary>
internal sealed record NoteResponse(string Id, string Title, string Description, DateTime CreatedAt, DateTime UpdatedAt, int Version)
{
    public static NoteResponse From(Note note) =>
        new(note.Id, note.Title, note.Description, note.CreatedAt, note.UpdatedAt, note.Version);
}
