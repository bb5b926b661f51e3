namespace Notes.Api.Features.Transfer;

/// <summary>Export and import: <c>/api/export</c> and <c>/api/import</c>, tagged Transfer, with the answers they all may give; scripts may call them with an access token.</summary>
internal sealed class TransferGroup() : ApiGroup("api", "Transfer", everyEndpointAsksTheDatabase: true, acceptsAccessTokens: true);
