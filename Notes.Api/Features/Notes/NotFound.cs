namespace Notes.Api.Features.Notes;

internal static class NotFound
{
    // Also the answer for another user's note and for a malformed id: a caller learns nothing about notes that are not theirs.
    public static IResult Note() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Note not found.");
}
