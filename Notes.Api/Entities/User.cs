using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Entities;

internal sealed class User
{
    [BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; init; } = ObjectId.GenerateNewId().ToString();

    public required string Username { get; init; }

    /// <summary>Lower-cased username: the unique index on it makes <c>Alice</c> and <c>alice</c> one account.</summary>
    public required string UsernameKey { get; init; }

    public required string PasswordHash { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>A TOTP secret set up but not yet confirmed by a code, encrypted as <see cref="TwoFactor.Secret"/> is.</summary>
    [BsonIgnoreIfNull]
    public string? PendingTwoFactorSecret { get; init; }

    /// <summary>Two-step sign-in, while it is on.</summary>
    [BsonIgnoreIfNull]
    public TwoFactor? TwoFactor { get; init; }

    /// <summary>
    /// When the account's deletion began: from then on it cannot sign in and none of its tokens is accepted, while its data is
    /// removed, the user last.
    /// </summary>
    [BsonIgnoreIfNull]
    public DateTime? DeletingSince { get; init; }

    public static string KeyOf(string username) => username.ToLowerInvariant();
}
