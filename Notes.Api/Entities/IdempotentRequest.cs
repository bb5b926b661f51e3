using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Entities;

/// <summary>A request sent with an Idempotency-Key, kept for a day: what it will create, and the answer once it has one.</summary>
internal sealed record IdempotentRequest
{
    /// <summary>"{owner id}:{key}": keys are the client's own, so one user's never meets another's.</summary>
    public required string Id { get; init; }

    /// <summary>The request's content, hashed: a repeat must send the same to get the same answer.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The id of what the request creates, chosen at its first attempt and kept through every retry.</summary>
    [BsonRepresentation(BsonType.ObjectId)]
    public required string ResourceId { get; init; }

    /// <summary>When the attempt now under way started.</summary>
    public DateTime StartedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    /// <summary>What the request created, as its answer gave it, once it was answered: a repeat is answered with it again.</summary>
    [BsonIgnoreIfNull]
    public BsonDocument? Answer { get; init; }
}
