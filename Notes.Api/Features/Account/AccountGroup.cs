namespace Notes.Api.Features.Account;

/// <summary>Every endpoint about the caller's own account: under <c>/api/account</c>, tagged Account, with the answers they all may give.</summary>
internal sealed class AccountGroup() : ApiGroup("api/account", "Account", everyEndpointAsksTheDatabase: true);
