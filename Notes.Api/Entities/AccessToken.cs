using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Entities;

/// <summary>
/// A personal access token: a script's way in without the owner's password. Only the SHA-256 of its secret is stored, so the
/// collection read by anyone does not let them in; revoking the token deletes this document.
/// </summary>
internal sealed class AccessToken
{
    [BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; init; } = ObjectId.GenerateNewId().ToString();

    [BsonRepresentation(BsonType.ObjectId)]
    public required string OwnerId { get; init; }

    public required string Name { get; init; }

    /// <summary><see cref="AccessTokenScope.Read"/> or <see cref="AccessTokenScope.Write"/>.</summary>
    public required string Scope { get; init; }

    /// <summary>The SHA-256 of the token's secret part, as lower-case hex: what a request's token is looked up by.</summary>
    public required string TokenHash { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When the token stops working; never, when it is absent.</summary>
    [BsonIgnoreIfNull]
    public DateTime? ExpiresAt { get; init; }

    /// <summary>The minute the token was last used in (kept to the minute, so a busy script writes once a minute at most).</summary>
    [BsonIgnoreIfNull]
    public DateTime? LastUsedAt { get; init; }

    /// <summary>
    /// The owner's tokens that still work at <paramref name="now"/>: expiry is judged by time, since TTL removal lags (and never
    /// happens on the embedded engine, which also wants <c>$exists</c> rather than a null filter for "no expiry").
    /// </summary>
    public static FilterDefinition<AccessToken> WorkingFor(string ownerId, DateTime now)
    {
        var filter = Builders<AccessToken>.Filter;
        return filter.Eq(t => t.OwnerId, ownerId) & (filter.Exists(t => t.ExpiresAt, false) | filter.Gt(t => t.ExpiresAt, now));
    }
}

/// <summary>What a token may do: <c>read</c> only reads (GET and HEAD); <c>write</c> also writes.</summary>
internal static class AccessTokenScope
{
    public const string Read = "read";
    public const string Write = "write";

    public static readonly string[] All = [Read, Write];
}
