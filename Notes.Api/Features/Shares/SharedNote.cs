using MongoDB.Bson;
using Notes.Api.Features.Notes;
using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Shares;

/// <summary>Where the note a link is for stands, as its owner reaches it: a link shows only a note outside the trash.</summary>
internal enum NoteStanding
{
    Missing,
    InTrash,
    Shareable,
}

/// <summary>What every slice that manages a note's links asks of the note: whether its owner can reach it, and whether it is in the trash.</summary>
internal sealed class SharedNote(IMongoCollection<Note> notes, TimeProvider clock)
{
    static readonly ProjectionDefinition<Note> TrashedAtOnly = Builders<Note>.Projection.Include(n => n.TrashedAt);

    public async Task<NoteStanding> StandingAsync(string noteId, string ownerId, CancellationToken ct)
    {
        // Read from a document: the embedded engine ignores projections and sends the whole note, which a typed one cannot read.
        var note = await notes.Find(Reachable.Note(noteId, ownerId, clock.UtcNowForMongo())).Project(TrashedAtOnly).FirstOrDefaultAsync(ct);
        return note is null ? NoteStanding.Missing
            : note.GetValue("trashedAt", BsonNull.Value).IsBsonNull ? NoteStanding.Shareable
            : NoteStanding.InTrash;
    }

    // Made afresh for each answer: the problem details service fills in the request's own instance and trace id.
    public static IResult InTrash() =>
        Problems.Of(StatusCodes.Status409Conflict, ProblemCodes.NoteInTrash, "The note is in the trash: restore it to share it.");

    public static IResult ShareNotFound() => Problems.Of(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Share not found.");
}
