using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using Notes.Api.Features.Notes;
using Notes.Api.Infrastructure.Mongo;
using Tag = Notes.Api.Features.Notes.Tag;

namespace Notes.Api.Features.Tags;

/// <summary>What a rewrite reads of a note.</summary>
internal sealed record TaggedNote([property: BsonRepresentation(BsonType.ObjectId)] string Id, int Version, List<string> Tags);

/// <summary>
/// The one way the tag list changes notes: a tag, with every tag nested below it, rewritten on all of an owner's notes, the trash
/// included. Each note is written as a compare-and-set on its version (raised by one, so an editor holding the old one gets 412),
/// and a note that another write reached first is read again and rewritten from what it holds then. What a note says is the same
/// tags under other names, so its updatedAt stays.
/// </summary>
internal sealed class TagRewriter(IMongoCollection<Note> notes, TimeProvider clock)
{
    /// <summary>
    /// Notes per bulk write: the embedded engine takes about 30 ms per update with 2,000 notes stored, and each write must answer
    /// within Mongo:Timeout (1.4 s by default), so 20 keep one near 0.6 s.
    /// </summary>
    const int BatchSize = 20;

    static readonly BulkWriteOptions Unordered = new() { IsOrdered = false };

    static readonly ProjectionDefinition<Note, TaggedNote> Fields = Builders<Note>.Projection.Include(n => n.Version).Include(n => n.Tags);

    /// <summary>
    /// The tag a route names, normalised as stored; null when the name cannot be a tag, and so names none. The server decodes every
    /// escape in a path but %2F, which would split a segment, so a nested tag's slash may come either way.
    /// </summary>
    public static string? FromRoute(string name) =>
        Tag.Normalize(name.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)) is var tag && Tag.Flaw(tag) is null ? tag : null;

    public static IResult NotFound() => Problems.Of(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Tag not found.");

    /// <summary>The owner's notes (the trash included, but none past its time there) carrying <paramref name="tag"/> or one below it.</summary>
    public Task<List<TaggedNote>> FindCarryingAsync(string ownerId, string tag, CancellationToken ct) =>
        notes.Find(Reachable.Notes(ownerId, clock.UtcNowForMongo()).Add("tags", Tag.WithinPattern(tag))).Project(Fields).ToListAsync(ct);

    /// <summary>
    /// Replaces, on each of <paramref name="carrying"/>, every tag within <paramref name="tag"/> by what <paramref name="rewrite"/>
    /// makes of it (null drops it); duplicates that makes collapse in the place of the first.
    /// </summary>
    public async Task RewriteAsync(
        string ownerId, string tag, IReadOnlyList<TaggedNote> carrying, Func<string, string?> rewrite, CancellationToken ct)
    {
        var pending = carrying;
        while (pending.Count > 0)
        {
            var lost = new List<(TaggedNote Read, List<string> Tags)>();
            var changes = pending.Select(n => (Read: n, Tags: Rewritten(n.Tags, tag, rewrite))).Where(c => !c.Tags.SequenceEqual(c.Read.Tags));
            foreach (var batch in changes.Chunk(BatchSize))
            {
                // Updates of one each, which the embedded engine checks its filter for in the same step as it writes (see NoteWriter).
                var models = batch.Select(c => new UpdateOneModel<Note>(
                    Builders<Note>.Filter.Where(n => n.Id == c.Read.Id && n.OwnerId == ownerId && n.Version == c.Read.Version),
                    Builders<Note>.Update.Set(n => n.Tags, c.Tags).Set(n => n.Version, c.Read.Version + 1)));
                var written = await notes.BulkWriteAsync(models, Unordered, ct);
                if (written.MatchedCount < batch.Length)
                    lost.AddRange(batch);
            }
            pending = lost.Count == 0 ? [] : await ReadLostAgainAsync(ownerId, lost, ct);
        }
    }

    /// <summary>
    /// The notes of a batch that some did not match, as they are now, leaving out those this rewrite did write (at the next version,
    /// with its tags) and any since deleted.
    /// </summary>
    async Task<List<TaggedNote>> ReadLostAgainAsync(string ownerId, List<(TaggedNote Read, List<string> Tags)> lost, CancellationToken ct)
    {
        var filter = Reachable.Notes(ownerId, clock.UtcNowForMongo()).Add("_id", new BsonDocument("$in", new BsonArray(lost.Select(l => ObjectId.Parse(l.Read.Id)))));
        var now = await notes.Find(filter).Project(Fields).ToListAsync(ct);
        var written = lost.ToDictionary(l => l.Read.Id, l => (Version: l.Read.Version + 1, l.Tags));
        return [.. now.Where(n => !(n.Version == written[n.Id].Version && n.Tags.SequenceEqual(written[n.Id].Tags)))];
    }

    static List<string> Rewritten(List<string> tags, string tag, Func<string, string?> rewrite) =>
        [.. tags.Select(t => Tag.IsWithin(t, tag) ? rewrite(t) : t).OfType<string>().Distinct(StringComparer.Ordinal)];
}
