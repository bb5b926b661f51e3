using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Text;
using MongoDB.Bson;

namespace Notes.Api.Features.Notes.List;

internal sealed class Data(IMongoCollection<Note> notes)
{
    public static readonly IReadOnlyDictionary<string, Expression<Func<Note, object>>> SortFields =
        new Dictionary<string, Expression<Func<Note, object>>>
        {
            ["updatedAt"] = n => n.UpdatedAt,
            ["createdAt"] = n => n.CreatedAt,
            ["title"] = n => n.Title,
        };

    /// <summary>Titles sort as people read them: "apple" before "Banana". The title index is built with the same collation.</summary>
    public static readonly Collation TitleOrder = new("en", strength: CollationStrength.Secondary);

    /// <summary>The longest a page may hold the database, so no search can keep it busy; past it the request answers 503.</summary>
    static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(2);

    static readonly FrozenDictionary<(string Field, string Order), SortDefinition<Note>> Sorts = SortFields
        .SelectMany(field => new[]
        {
            KeyValuePair.Create((field.Key, "asc"), Builders<Note>.Sort.Ascending(field.Value).Ascending(n => n.Id)),
            KeyValuePair.Create((field.Key, "desc"), Builders<Note>.Sort.Descending(field.Value).Descending(n => n.Id)),
        })
        .ToFrozenDictionary();

    // Only what the response holds: the owner is the caller.
    static readonly ProjectionDefinition<Note, NoteResponse> ResponseFields = Builders<Note>.Projection
        .Include(n => n.Title).Include(n => n.Description).Include(n => n.CreatedAt).Include(n => n.UpdatedAt).Include(n => n.Version);

    static readonly AggregateFacet<Note, AggregateCountResult> TotalFacet = AggregateFacet.Create("total", new EmptyPipelineDefinition<Note>().Count());

    /// <summary>
    /// The page and the total in one round trip: the notes are matched and sorted once (in index order), then a facet cuts the
    /// page and another counts them all.
    /// </summary>
    public async Task<(List<NoteResponse> Page, long Total)> FindPageAsync(Request req, CancellationToken ct)
    {
        var filter = Builders<Note>.Filter.Eq(n => n.OwnerId, req.UserId);
        if (!string.IsNullOrEmpty(req.Search))
        {
            var pattern = new BsonRegularExpression(LiteralPattern(req.Search), "i");
            filter &= Builders<Note>.Filter.Regex(n => n.Title, pattern) | Builders<Note>.Filter.Regex(n => n.Description, pattern);
        }

        var page = AggregateFacet.Create("items", new EmptyPipelineDefinition<Note>()
            .Skip((req.Page - 1) * req.PageSize)
            .Limit(req.PageSize)
            .Project(ResponseFields));
        var options = new AggregateOptions { Collation = req.Sort == "title" ? TitleOrder : null, MaxTime = MaxTime };
        var result = await notes.Aggregate(options)
            .Match(filter)
            .Sort(Sorts[(req.Sort, req.Order)])
            .Facet<Note, PageAndTotal>(page, TotalFacet)
            .SingleAsync(ct);
        return (result.Items, result.Total is [var total] ? total.Count : 0);
    }

    sealed class PageAndTotal
    {
        public List<NoteResponse> Items { get; init; } = [];

        /// <summary>Empty when nothing matched: a count stage emits no document for nothing.</summary>
        public List<AggregateCountResult> Total { get; init; } = [];
    }

    /// <summary>
    /// A regular expression that matches <paramref name="text"/> as it is: every ASCII character other than a letter, digit or
    /// <c>_</c> is escaped, and an escaped punctuation character always stands for itself (in MongoDB's PCRE syntax, and in .NET's).
    /// Characters beyond ASCII are never special, so they stay as they are: escaping each half of a surrogate pair would split it.
    /// </summary>
    public static string LiteralPattern(string text)
    {
        var pattern = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            // A BSON pattern is a C string, which cannot hold the NUL character itself.
            if (c == '\0')
            {
                pattern.Append(@"\x00");
                continue;
            }
            if (char.IsAscii(c) && !char.IsAsciiLetterOrDigit(c) && c != '_')
                pattern.Append('\\');
            pattern.Append(c);
        }
        return pattern.ToString();
    }
}
