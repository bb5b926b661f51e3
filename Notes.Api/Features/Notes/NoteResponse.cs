using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Features.Notes;

/// <summary>A note as every notes endpoint answers it, and as the list and the export read it straight from the database (a projection).</summary>
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
    /// <summary>
    /// The stored fields a note's answer is read from (the id comes along), for a query to fetch only those: not the owner, nor
    /// the search text, which repeats the title and description.
    /// </summary>
    public static readonly BsonDocument StoredFields = new()
    {
        { "title", 1 }, { "description", 1 }, { "pinned", 1 }, { "tags", 1 }, { "archived", 1 }, { "trashedAt", 1 }, { "purgeAt", 1 },
        { "createdAt", 1 }, { "updatedAt", 1 }, { "version", 1 },
    };

    public static NoteResponse From(Note note) => new(
        note.Id, note.Title, note.Description, note.Pinned, note.Tags, note.Archived, note.TrashedAt, note.PurgeAt,
        note.CreatedAt, note.UpdatedAt, note.Version);
}
