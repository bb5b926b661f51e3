namespace Notes.Api.Features.Shares.Create;

internal sealed class Data(IMongoCollection<Share> shares)
{
    public Task InsertAsync(Share share, CancellationToken ct) => shares.InsertOneAsync(share, cancellationToken: ct);

    public Task WithdrawAsync(Share share, CancellationToken ct) => shares.DeleteOneAsync(s => s.Id == share.Id && s.OwnerId == share.OwnerId, ct);
}
