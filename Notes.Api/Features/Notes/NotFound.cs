namespace Notes.Api.Features.Notes;

/// <summary>
/// The answer for a note that is not among the caller's. It is also the answer for someone else's note and for a malformed id
/// (<see cref="NoteIdCheck"/>), so a caller learns nothing about notes that are not theirs; the audit trail does learn when the
/// note was someone else's.
/// </summary>
internal sealed class NotFound(IMongoCollection<Note> notes, Audit audit)
{
    // Made afresh for each answer: the problem details service fills in the request's own instance and trace id.
    public static IResult Problem() => Problems.Of(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Note not found.");

    public async Task<IResult> NoteAsync(string id, string callerId, HttpContext http, CancellationToken ct)
    {
        // Asked only after the caller's own query found nothing, so reaching one's own notes costs no extra query; a note never
        // changes owner, so one that exists now is someone else's. Unknown and foreign ids both pay this lookup, and take as long.
        if (await notes.Find(n => n.Id == id).AnyAsync(ct))
            audit.ForeignNoteRequested(callerId, id, http.ClientAddress());
        return Problem();
    }
}
