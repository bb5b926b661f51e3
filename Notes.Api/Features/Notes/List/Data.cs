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

    public async Task<(List<Note> Page, long Total)> FindPageAsync(Request req, CancellationToken ct)
    {
        var filter = Builders<Note>.Filter.Eq(n => n.OwnerId, req.UserId);
        if (!string.IsNullOrEmpty(req.Search))
        {
            var pattern = new BsonRegularExpression(LiteralPattern(req.Search), "i");
            filter &= Builders<Note>.Filter.Regex(n => n.Title, pattern) | Builders<Note>.Filter.Regex(n => n.Description, pattern);
        }

        var field = SortFields[req.Sort];
        var sort = req.Order == "asc"
            ? Builders<Note>.Sort.Ascending(field).Ascending(n => n.Id)
            : Builders<Note>.Sort.Descending(field).Descending(n => n.Id);

        var options = new FindOptions { Collation = req.Sort == "title" ? TitleOrder : null };
        var page = notes.Find(filter, options).Sort(sort).Skip((req.Page - 1) * req.PageSize).Limit(req.PageSize).ToListAsync(ct);
        var total = notes.CountDocumentsAsync(filter, cancellationToken: ct);
        return (await page, await total);
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
