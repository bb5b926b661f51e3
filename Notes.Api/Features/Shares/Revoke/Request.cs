namespace Notes.Api.Features.Shares.Revoke;

internal sealed record Request : SignedInRequest
{
    [DontBind(Source.QueryParam)] // the route's id alone: a query's id= would take its place (and is not checked)
    public string Id { get; init; } = "";

    [DontBind(Source.QueryParam)]
    public string ShareId { get; init; } = "";
}
