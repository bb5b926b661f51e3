using MongoDB.Bson;

namespace Notes.Api.Features.Notes;

/// <summary>
/// A note id in a route is parsed once, here: one that is no ObjectId names no note, so it is answered as a missing note
/// before any slice runs, and every slice takes the ids it is given as well formed. It runs after the session check,
/// so a caller without a valid token is still told that first.
/// </summary>
internal sealed class NoteIdCheck : IGlobalPreProcessor
{
    const string IdParameter = "id";

    /// <summary>Puts the check on every endpoint whose route names a note: a note's own, and those under it (its revisions).</summary>
    public static void GuardNoteRoutes(EndpointDefinition endpoint)
    {
        if (endpoint.Routes.Any(route => route.StartsWith($"api/notes/{{{IdParameter}}}", StringComparison.Ordinal)))
            endpoint.PreProcessor<NoteIdCheck>(Order.Before);
    }

    public Task PreProcessAsync(IPreProcessorContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        return http.ResponseStarted() || ObjectId.TryParse(http.Request.RouteValues[IdParameter] as string, out _)
            ? Task.CompletedTask
            : http.Response.SendResultAsync(NotFound.Problem());
    }
}
