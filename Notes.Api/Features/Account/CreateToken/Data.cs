namespace Notes.Api.Features.Account.CreateToken;

internal sealed class Data(IMongoCollection<AccessToken> tokens)
{
    /// <summary>The owner's tokens that still work, counted no further than <paramref name="limit"/>, along the owner index.</summary>
    public Task<long> CountLiveUpToAsync(string ownerId, int limit, DateTime now, CancellationToken ct) =>
        tokens.CountDocumentsAsync(
            AccessToken.WorkingFor(ownerId, now), new CountOptions { Limit = limit }, cancellationToken: ct);

    public Task InsertAsync(AccessToken token, CancellationToken ct) => tokens.InsertOneAsync(token, cancellationToken: ct);

    /// <summary>Takes back a token this request inserted and never showed.</summary>
    public Task WithdrawAsync(AccessToken token, CancellationToken ct) =>
        tokens.DeleteOneAsync(t => t.Id == token.Id && t.OwnerId == token.OwnerId, ct);
}
