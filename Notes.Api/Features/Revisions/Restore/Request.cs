namespace Notes.Api.Features.Revisions.Restore;

internal sealed record Request : SignedInRequest
{
    [DontBind(Source.QueryParam)] // the route's id alone: a query's id= would take its place (and is not checked)
    public string Id { get; init; } = "";

    [DontBind(Source.QueryParam)]
    public int Version { get; init; }

    /// <summary>The version of the note the client last read, as its ETag; without it the restore replaces whatever the note holds now.</summary>
    [FromHeader("If-Match", IsRequired = false, RemoveFromSchema = true)]
    public string? IfMatch { get; init; }
}
