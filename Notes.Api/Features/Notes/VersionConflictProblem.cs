using System.ComponentModel;

namespace Notes.Api.Features.Notes;

/// <summary>
/// The 412 a change with a stale If-Match is answered, as the document describes it: the problem, and the note as it is now, so a
/// client can merge without reading it again. Made by <see cref="NoteWriter.RefusalAsync"/>; this record is never sent.
/// </summary>
// The member goes without a description of its own: beside a $ref, the document would wrap the reference in a oneOf of one.
[Description("A version conflict (412): the problem, and the note as it is now (current), as GET /api/notes/{id} answers it; its version is the ETag to send next.")]
internal sealed record VersionConflictProblem(NoteResponse Current)
    : Problem("", "", StatusCodes.Status412PreconditionFailed, null, "", "", ProblemCodes.VersionConflict, [])
{
    public const string CurrentMember = "current";
}

internal static class VersionConflictResponses
{
    /// <summary>Documents the 412 a stale If-Match brings, with the note as it is now.</summary>
    public static RouteHandlerBuilder ProducesVersionConflict(this RouteHandlerBuilder builder) =>
        builder.Produces<VersionConflictProblem>(StatusCodes.Status412PreconditionFailed, Problem.ContentType);
}
