namespace Notes.Api.Features.Auth.Me;

internal sealed record Response(string Id, string Username, DateTime ExpiresAt);
