using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Entities;

/// <summary>A link that shows one note, read-only, to whoever holds its token: the token itself is never stored, only its hash.</summary>
internal sealed record Share
{
    [BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; init; } = ObjectId.GenerateNewId().ToString();

    /// <summary>The note's owner, first in every query and in the index, as for revisions; an account's removal deletes by it.</summary>
    [BsonRepresentation(BsonType.ObjectId)]
    public required string OwnerId { get; init; }

    [BsonRepresentation(BsonType.ObjectId)]
    public required string NoteId { get; init; }

    /// <summary>SHA-256 of the token, base64url: a stolen copy of the database opens no link. Unique.</summary>
    public required string TokenHash { get; init; }

    public required DateTime CreatedAt { get; init; }

    /// <summary>When the link stops working; null for a link that never expires.</summary>
    public DateTime? ExpiresAt { get; init; }

    /// <summary>How many times the link was opened.</summary>
    public long Views { get; init; }

    public DateTime? LastViewedAt { get; init; }
}
