using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Entities;

/// <summary>A version of a note's title and description that a later change replaced: the note's history.</summary>
internal sealed record Revision
{
    [BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; init; } = ObjectId.GenerateNewId().ToString();

    [BsonRepresentation(BsonType.ObjectId)]
    public required string NoteId { get; init; }

    /// <summary>The note's owner, first in every query and in the index: the shard key will be the owner, and an account's removal deletes by it.</summary>
    [BsonRepresentation(BsonType.ObjectId)]
    public required string OwnerId { get; init; }

    /// <summary>The version of the note this was; one revision per version, held by a unique index.</summary>
    public required int Version { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>The description's length in characters (UTF-16 units, as the rules count them), kept so a list of revisions need not read descriptions.</summary>
    public required int Length { get; init; }

    /// <summary>When this version's content was written: the replaced note's updatedAt.</summary>
    public required DateTime SavedAt { get; init; }
}
