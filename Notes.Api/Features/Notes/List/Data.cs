using System.Collections.Frozen;
using MongoDB.Bson;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes.List;

/// <remarks>
/// The query is written as BSON with the stored (camelCase) names, its fixed parts built once: rendering the same pipeline
/// from typed definitions cost about 150 µs of CPU per request, more than the rest of the API's work for a page.
/// </remarks>
internal sealed class Data(IMongoCollection<Note> notes, TimeProvider clock)
{
    /// <summary>What a list can show: the notes in use, the archive, or the trash.</summary>
    public static readonly FrozenSet<string> Views = FrozenSet.Create("active", "archived", "trash");

    /// <summary>The fields a list can be sorted by, named alike in the API and in the database.</summary>
    public static readonly FrozenSet<string> SortFields = FrozenSet.Create("updatedAt", "createdAt", "title");

    /// <summary>The orders a list can be sorted in, as the API names them, and as MongoDB's sort directions.</summary>
    public static readonly FrozenDictionary<string, int> SortOrders = new Dictionary<string, int> { ["asc"] = 1, ["desc"] = -1 }.ToFrozenDictionary();

    /// <summary>
    /// The longest a page may hold the database, so no search can keep it busy; past it the request answers 503. Under the
    /// client's own timeout (Mongo:Timeout, 1.4 s by default), so the server stops the query before the client gives up on it.
    /// </summary>
    static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(1);

    // Each ends in the id, a tie-breaker that keeps pages stable; the indexes end in it too, so no sort happens in memory. Outside
    // the trash, pinned notes come first; the trash is sorted by when each note went there, unless a sort is asked for.
    static readonly FrozenDictionary<(bool PinnedFirst, string Field, string Order), BsonDocument> Sorts = (
        from pinnedFirst in new[] { true, false }
        from field in SortFields.Append("trashedAt")
        from order in SortOrders
        let keys = new BsonDocument { { field, order.Value }, { "_id", order.Value } }
        select KeyValuePair.Create((pinnedFirst, field, order.Key), new BsonDocument("$sort", pinnedFirst ? new BsonDocument("pinned", -1).AddRange(keys) : keys)))
        .ToFrozenDictionary();

    static readonly BsonDocument ResponseFields = new("$project", NoteResponse.StoredFields);

    static readonly BsonArray CountAll = [new BsonDocument("$count", "count")];

    /// <summary>
    /// The page and the total in one round trip: the notes are matched and sorted once (in index order), then a facet cuts the
    /// page and another counts them all.
    /// </summary>
    public async Task<(List<NoteResponse> Page, long Total)> FindPageAsync(Request req, CancellationToken ct)
    {
        // The session check has already proved the token's user id an ObjectId.
        var match = req.View switch
        {
            "trash" => Reachable.InTrash(req.UserId, clock.UtcNowForMongo()),
            "archived" => Reachable.OutsideTrash(req.UserId).Add("archived", true),
            _ => Reachable.OutsideTrash(req.UserId).Add("archived", false),
        };
        if (req.Tag is not null)
            match.Add("tags", Tag.WithinPattern(Tag.Normalize(req.Tag)));
        if (!string.IsNullOrEmpty(req.Search))
            match.Add("searchText", new BsonRegularExpression(LiteralPattern.Of(SearchText.Fold(req.Search))));

        var inTrash = req.View == "trash";
        var sort = Sorts[(!inTrash, req.Sort ?? (inTrash ? "trashedAt" : "updatedAt"), req.Order)];
        var pipeline = PipelineDefinition<Note, PageAndTotal>.Create(
            new BsonDocument("$match", match),
            sort,
            new BsonDocument("$facet", new BsonDocument
            {
                { "items", new BsonArray { new BsonDocument("$skip", (req.Page - 1) * req.PageSize), new BsonDocument("$limit", req.PageSize), ResponseFields } },
                { "total", CountAll },
            }));
        var options = new AggregateOptions { Collation = req.Sort == "title" ? Note.TitleOrder : null, MaxTime = MaxTime };
        var result = await notes.Aggregate(pipeline, options, ct).SingleAsync(ct);
        return (result.Items, result.Total is [var total] ? total.Count : 0);
    }

    sealed class PageAndTotal
    {
        public List<NoteResponse> Items { get; init; } = [];

        /// <summary>Empty when nothing matched: a count stage emits no document for nothing.</summary>
        public List<AggregateCountResult> Total { get; init; } = [];
    }
}
