using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Entities;

internal sealed record Note
{
    [BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; init; } = ObjectId.GenerateNewId().ToString();

    [BsonRepresentation(BsonType.ObjectId)]
    public required string OwnerId { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>Title and description folded for search (letter case, accents and compatibility forms): kept in step on every write.</summary>
    public required string SearchText { get; init; }

    public bool Pinned { get; init; }

    /// <summary>Normalised (NFC, lower case), without duplicates, in the order first given.</summary>
    public List<string> Tags { get; init; } = [];

    public bool Archived { get; init; }

    /// <summary>When the note went to the trash; null while it is not there.</summary>
    public DateTime? TrashedAt { get; init; }

    /// <summary>When the trash deletes the note for good; null exactly when <see cref="TrashedAt"/> is.</summary>
    public DateTime? PurgeAt { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public int Version { get; init; }

    /// <summary>
    /// Where an imported note came from, so importing the same file again finds it (<c>notesslices:&lt;exported id&gt;</c>, or a
    /// Markdown file's path and content hash); absent on notes written here, which the unique index on it then leaves out.
    /// </summary>
    [BsonIgnoreIfNull]
    public string? Source { get; init; }

    /// <summary>Titles sort as people read them: "apple" before "Banana". The title index is built with the same collation.</summary>
    public static readonly Collation TitleOrder = new("en", strength: CollationStrength.Secondary);
}
