namespace Notes.Api.Features.Shares.Create;

/// <param name="Id">The link's id, to revoke it by.</param>
/// <param name="Url">The link on this site (/s/{token}): the only time its token is shown.</param>
/// <param name="ExpiresAt">When the link stops working; null when it never does.</param>
internal sealed record Response(string Id, string Url, DateTime CreatedAt, DateTime? ExpiresAt);
