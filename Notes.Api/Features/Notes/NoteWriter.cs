using Microsoft.Extensions.Options;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Notes;

/// <summary>How a change to one note ended: the note as written, or why nothing was.</summary>
internal abstract record WriteOutcome
{
    internal sealed record Written(Note Note) : WriteOutcome;

    /// <summary>The note is the owner's, but at another version than the one required: <paramref name="Current"/>, as it is now.</summary>
    internal sealed record Stale(Note Current) : WriteOutcome;

    /// <summary>The note is in the trash, and the change would edit it without taking it out.</summary>
    internal sealed record InTrash : WriteOutcome;

    /// <summary>No such note among those the owner can reach.</summary>
    internal sealed record Missing : WriteOutcome;
}

/// <summary>
/// The one way a client's change reaches a stored note, for every slice that changes one: the rules every change keeps (a note in
/// the trash is only taken out, trashing one ends its share links, every change raises the version by one, and the search text follows the content) and a compare-and-set on the version, so of two writers racing from one version
/// exactly one succeeds. It is also the only writer of revisions: a change of the title or the description keeps the version it
/// replaces, stored before the compare-and-set so that a crash between the two loses nothing, and at most
/// <see cref="NotesOptions.MaxRevisionsPerNote"/> of them, the newest.
/// </summary>
internal sealed class NoteWriter(
    IMongoCollection<Note> notes, IMongoCollection<Revision> revisions, IMongoCollection<Share> shares, NotFound notFound,
    IOptions<NotesOptions> options, TimeProvider clock)
{
    static readonly ProjectionDefinition<Revision> VersionOnly = Builders<Revision>.Projection.Include(r => r.Version).Exclude("_id");

    /// <summary>
    /// Applies <paramref name="change"/> (the note as it should become, given the stored one and the time; it
    /// moves <see cref="Note.UpdatedAt"/> when it changes what the note says) to the owner's note while it
    /// is at the required version (any, when null). A lost race reads the note again, which then tells what happened: another
    /// write came first (stale, or simply applied again when no version was required) or a delete.
    /// </summary>
    public async Task<WriteOutcome> WriteAsync(
        string id, string ownerId, int? requiredVersion, Func<Note, DateTime, Note> change, CancellationToken ct)
    {
        while (true)
        {
            var now = clock.UtcNowForMongo();
            var current = await notes.Find(Reachable.Note(id, ownerId, now)).FirstOrDefaultAsync(ct);
            if (current is null)
                return new WriteOutcome.Missing();
            if (requiredVersion is { } version && current.Version != version)
                return new WriteOutcome.Stale(current);

            var next = change(current, now);
            if (current.TrashedAt is not null && next.TrashedAt is not null && !SameState(current, next))
                return new WriteOutcome.InTrash();
            next = next with { SearchText = SearchText.Of(next.Title, next.Description), Version = current.Version + 1 };
            var replacesContent = next.Title != current.Title || next.Description != current.Description;
            if (replacesContent)
                await KeepAsync(current, ct);

            // An update of many (of at most one, by id) because that is the write the embedded engine checks its filter for in the
            // same step as it writes; its findAndModify finds first and then writes by id alone, which would let two writers past
            // one version. On MongoDB every write is atomic per document either way.
            var written = await notes.UpdateManyAsync(
                n => n.Id == id && n.OwnerId == ownerId && n.Version == current.Version,
                Builders<Note>.Update
                    .Set(n => n.Title, next.Title)
                    .Set(n => n.Description, next.Description)
                    .Set(n => n.SearchText, next.SearchText)
                    .Set(n => n.Pinned, next.Pinned)
                    .Set(n => n.Tags, next.Tags)
                    .Set(n => n.Archived, next.Archived)
                    .Set(n => n.TrashedAt, next.TrashedAt)
                    .Set(n => n.PurgeAt, next.PurgeAt)
                    .Set(n => n.UpdatedAt, next.UpdatedAt)
                    .Set(n => n.Version, next.Version),
                cancellationToken: ct);
            if (written.MatchedCount == 1)
            {
                if (replacesContent)
                    await PruneAsync(next, ct);
                // Trashing a note ends its links, after the note is written: a link made meanwhile sees the note trashed and goes too.
                if (current.TrashedAt is null && next.TrashedAt is not null)
                    await shares.DeleteManyAsync(s => s.OwnerId == ownerId && s.NoteId == id, ct);
                return new WriteOutcome.Written(next);
            }
        }
    }

    /// <summary>
    /// Stores the version about to be replaced as a revision, once: a writer racing from the same version that stored it first
    /// stored the same content (the unique index refuses the second), and either one's compare-and-set may be the one that wins.
    /// A writer that then loses its race to a delete leaves a revision of a version never replaced: answers show only those below
    /// the note's version, and the delete removes revisions after the note.
    /// </summary>
    async Task KeepAsync(Note replaced, CancellationToken ct)
    {
        try
        {
            await revisions.InsertOneAsync(
                new Revision
                {
                    NoteId = replaced.Id,
                    OwnerId = replaced.OwnerId,
                    Version = replaced.Version,
                    Title = replaced.Title,
                    Description = replaced.Description,
                    Length = replaced.Description.Length,
                    SavedAt = replaced.UpdatedAt,
                },
                cancellationToken: ct);
        }
        catch (MongoException ex) when (ex.IsDuplicateKey())
        {
        }
    }

    /// <summary>
    /// Keeps the newest revisions of the note, as many as it may: those at or below the oldest one past the limit go. A note has at
    /// most one revision per version below its own, so one that has not had more versions than that needs no query at all.
    /// </summary>
    async Task PruneAsync(Note written, CancellationToken ct)
    {
        var max = options.Value.MaxRevisionsPerNote;
        if (written.Version - 1 <= max)
            return;
        var ofNote = Builders<Revision>.Filter.Eq(r => r.OwnerId, written.OwnerId) & Builders<Revision>.Filter.Eq(r => r.NoteId, written.Id);
        // The version alone, read from a document: the embedded engine ignores projections, which a typed one could not read.
        var firstPast = await revisions.Find(ofNote).SortByDescending(r => r.Version).Skip(max).Limit(1).Project(VersionOnly).FirstOrDefaultAsync(ct);
        if (firstPast is not null)
            await revisions.DeleteManyAsync(ofNote & Builders<Revision>.Filter.Lte(r => r.Version, firstPast["version"].AsInt32), ct);
    }

    /// <summary>The problem a change that wrote nothing answers: a stale one carries the note as it is now (<see cref="VersionConflictProblem"/>).</summary>
    public async Task<IResult> RefusalAsync(WriteOutcome refused, string id, string callerId, HttpContext http, CancellationToken ct) => refused switch
    {
        WriteOutcome.Stale { Current: var current } => Problems.Of(
            StatusCodes.Status412PreconditionFailed, ProblemCodes.VersionConflict, "The note has changed since you read it.",
            members: new Dictionary<string, object> { [VersionConflictProblem.CurrentMember] = NoteResponse.From(current) }),
        WriteOutcome.InTrash => Problems.Of(StatusCodes.Status409Conflict, ProblemCodes.NoteInTrash, "The note is in the trash: restore it to change it."),
        _ => await notFound.NoteAsync(id, callerId, http, ct),
    };

    static bool SameState(Note current, Note next) =>
        next.Title == current.Title && next.Description == current.Description && next.Tags.SequenceEqual(current.Tags)
        && next.Pinned == current.Pinned && next.Archived == current.Archived;
}
