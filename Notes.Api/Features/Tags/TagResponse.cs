using MongoDB.Bson.Serialization.Attributes;

namespace Notes.Api.Features.Tags;

/// <summary>A tag and how many of the caller's notes outside the trash carry it, as the list reads it from its group (<c>_id</c>).</summary>
internal sealed record TagResponse([property: BsonId] string Name, int Count);
