using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Entities;

/// <summary>A signed-in token's server-side half: the token's <c>jti</c> is this id, so deleting it revokes the token.</summary>
internal sealed class Session
{
    /// <summary>What a session started before sessions recorded their client reads as (such a session lives 30 minutes at most).</summary>
    public const string UnknownClient = "Unknown client";

    [BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; init; } = ObjectId.GenerateNewId().ToString();

    [BsonRepresentation(BsonType.ObjectId)]
    public required string UserId { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    /// <summary>The client in a few words (<c>Firefox on Linux</c>) when the session started; never its raw User-Agent.</summary>
    public string Client { get; init; } = UnknownClient;

    /// <summary>The address the session started from: the connection's, or one forwarded by a trusted proxy.</summary>
    public string ClientAddress { get; init; } = "unknown";
}
