namespace Notes.Api.Features.Account.CreateToken;

/// <summary>The new token, the only time it is shown: <see cref="Token"/> is what a script sends as <c>Authorization: Bearer …</c>.</summary>
internal sealed record Response(string Id, string Name, string Scope, string Token, DateTime CreatedAt, DateTime? ExpiresAt);
