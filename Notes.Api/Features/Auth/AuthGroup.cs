namespace Notes.Api.Features.Auth;

/// <summary>Every account and session endpoint: under <c>/api/auth</c>, tagged Auth, with the answers they all may give.</summary>
internal sealed class AuthGroup() : ApiGroup("api/auth", "Auth", everyEndpointAsksTheDatabase: true);
