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

    public static string KeyOf(string username) => username.ToLowerInvariant();
}
