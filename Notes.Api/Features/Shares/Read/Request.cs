namespace Notes.Api.Features.Shares.Read;

internal sealed record Request
{
    [DontBind(Source.QueryParam)]
    public string Token { get; init; } = "";
}
