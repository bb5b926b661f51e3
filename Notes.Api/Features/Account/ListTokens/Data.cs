namespace Notes.Api.Features.Account.ListTokens;

internal sealed class Data(IMongoCollection<AccessToken> tokens)
{
    /// <summary>The owner's tokens that still work, newest first (the id breaks a tie), without their hashes; 20 at most, along the owner index.</summary>
    public Task<List<Response>> FindLiveAsync(string ownerId, DateTime now, CancellationToken ct) =>
        tokens.Find(AccessToken.WorkingFor(ownerId, now))
            .SortByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Project(t => new Response(t.Id, t.Name, t.Scope, t.CreatedAt, t.ExpiresAt, t.LastUsedAt))
            .ToListAsync(ct);
}
