using MongoDB.Bson;

namespace Notes.Api.Features.Revisions.List;

internal sealed class Data(IMongoCollection<Revision> revisions)
{
    static readonly BsonDocument NewestFirst = new("$sort", new BsonDocument("version", -1));

    // What a summary holds: no description, which may be 100,000 characters, only its length.
    static readonly BsonDocument SummaryFields = new("$project", new BsonDocument
    {
        { "_id", 0 }, { "version", 1 }, { "title", 1 }, { "savedAt", 1 }, { "length", 1 },
    });

    static readonly BsonArray CountAll = [new BsonDocument("$count", "count")];

    /// <summary>The page and the total in one round trip, newest first, in the order of the index.</summary>
    public async Task<(List<RevisionSummary> Page, long Total)> FindPageAsync(BsonDocument revisionsShown, int page, int pageSize, CancellationToken ct)
    {
        var pipeline = PipelineDefinition<Revision, PageAndTotal>.Create(
            new BsonDocument("$match", revisionsShown),
            NewestFirst,
            new BsonDocument("$facet", new BsonDocument
            {
                { "items", new BsonArray { new BsonDocument("$skip", (page - 1) * pageSize), new BsonDocument("$limit", pageSize), SummaryFields } },
                { "total", CountAll },
            }));
        var result = await revisions.Aggregate(pipeline, cancellationToken: ct).SingleAsync(ct);
        return (result.Items, result.Total is [var total] ? total.Count : 0);
    }

    sealed class PageAndTotal
    {
        public List<RevisionSummary> Items { get; init; } = [];

        /// <summary>Empty when nothing matched: a count stage emits no document for nothing.</summary>
        public List<AggregateCountResult> Total { get; init; } = [];
    }
}
