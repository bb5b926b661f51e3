using MongoDB.Bson;
using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Tags.List;

/// <remarks>Written as BSON with the stored (camelCase) names, as the notes list is, and for the same reason: its CPU per request.</remarks>
internal sealed class Data(IMongoCollection<Note> notes)
{
    static readonly BsonDocument[] CountEachTag =
    [
        new("$unwind", "$tags"),
        new("$group", new BsonDocument { { "_id", "$tags" }, { "count", new BsonDocument("$sum", 1) } }),
        // No collation: strings compare by their bytes, and UTF-8's byte order is the order of code points.
        new("$sort", new BsonDocument("_id", 1)),
    ];

    /// <summary>Every tag on the owner's notes outside the trash (archived ones included), by name, with how many carry it.</summary>
    public Task<List<TagResponse>> CountOutsideTrashAsync(string ownerId, CancellationToken ct)
    {
        // The session check has already proved the token's user id an ObjectId.
        var match = new BsonDocument("$match", Reachable.OutsideTrash(ownerId));
        return notes.Aggregate(PipelineDefinition<Note, TagResponse>.Create([match, .. CountEachTag]), cancellationToken: ct).ToListAsync(ct);
    }
}
