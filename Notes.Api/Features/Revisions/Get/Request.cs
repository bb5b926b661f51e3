namespace Notes.Api.Features.Revisions.Get;

internal sealed record Request : SignedInRequest
{
    [DontBind(Source.QueryParam)] // the route's id alone: a query's id= would take its place (and is not checked)
    public string Id { get; init; } = "";

    [DontBind(Source.QueryParam)]
    public int Version { get; init; }
}
