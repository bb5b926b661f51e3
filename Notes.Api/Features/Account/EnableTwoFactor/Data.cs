namespace Notes.Api.Features.Account.EnableTwoFactor;

// Members named as the stored fields: the embedded engine ignores find projections (see ChangePassword's Data).
internal sealed record TwoFactorState(string? PendingTwoFactorSecret, TwoFactor? TwoFactor);

internal sealed class Data(IMongoCollection<User> users)
{
    // The session check has just proved the user exists.
    public Task<TwoFactorState> FindStateAsync(string userId, CancellationToken ct) =>
        users.Find(u => u.Id == userId).Project(u => new TwoFactorState(u.PendingTwoFactorSecret, u.TwoFactor)).SingleAsync(ct);

    /// <summary>
    /// Turns two-step sign-in on with the pending secret, only while that secret is still the pending one (a setup in between
    /// replaced it) and two-step sign-in is still off, so of two confirmations racing, one wins. An update of many (of one, by id),
    /// so the embedded engine checks the filter as it writes.
    /// </summary>
    public async Task<bool> TryEnableAsync(string userId, TwoFactor twoFactor, CancellationToken ct) =>
        (await users.UpdateManyAsync(
            Builders<User>.Filter.Eq(u => u.Id, userId)
                & Builders<User>.Filter.Eq(u => u.PendingTwoFactorSecret, twoFactor.Secret)
                & Builders<User>.Filter.Exists(u => u.TwoFactor, false),
            Builders<User>.Update.Set(u => u.TwoFactor, twoFactor).Unset(u => u.PendingTwoFactorSecret),
            cancellationToken: ct)).MatchedCount == 1;
}
