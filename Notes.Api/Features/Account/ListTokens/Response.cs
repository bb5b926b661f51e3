namespace Notes.Api.Features.Account.ListTokens;

/// <summary>One working token, without its secret (which is not kept): <see cref="LastUsedAt"/> is kept to the minute.</summary>
internal sealed record Response(string Id, string Name, string Scope, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt);
