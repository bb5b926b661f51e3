using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Entities;

internal sealed class Note
{
    [BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; init; } = ObjectId.GenerateNewId().ToString();

    [BsonRepresentation(BsonType.ObjectId)]
    public required string OwnerId { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public int Version { get; init; }

    /// <summary>Titles sort as people read them: "apple" before "Banana". The title index is built with the same collation.</summary>
    public static readonly Collation TitleOrder = new("en", strength: CollationStrength.Secondary);
}
