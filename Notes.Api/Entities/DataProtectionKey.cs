using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Entities;

/// <summary>One key of the Data Protection key ring, as ASP.NET Core writes it: kept in MongoDB so every instance reads the same ring.</summary>
internal sealed class DataProtectionKey
{
    [BsonRepresentation(BsonType.ObjectId)]
    public string Id { get; init; } = ObjectId.GenerateNewId().ToString();

    public string? FriendlyName { get; init; }

    /// <summary>The key's XML element, as Data Protection gave it.</summary>
    public required string Xml { get; init; }
}
