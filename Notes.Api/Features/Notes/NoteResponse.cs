using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Features.Notes;

/// <summary>A note as every notes endpoint answers it, and as the list reads it straight from the database (a projection).</summary>
internal sealed record NoteResponse(
    [property: BsonRepresentation(BsonType.ObjectId)] string Id,
    string Title,
    string Description,
    bool Pinned,
    IReadOnlyList<string> Tags,
    bool Archived,
    DateTime? TrashedAt,
    DateTime? PurgeAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version)
{
    public static NoteResponse From(Note note) => new(
        note.Id, note.Title, note.Description, note.Pinned, note.Tags, note.Archived, note.TrashedAt, note.PurgeAt,
        note.CreatedAt, note.UpdatedAt, note.Version);
}
