namespace Notes.Api.Features.Account.SetUpTwoFactor;

internal sealed class Data(IMongoCollection<User> users)
{
    /// <summary>
    /// Keeps the secret as the pending one, replacing any before it, unless two-step sign-in is already on: then nothing changes and
    /// the answer is false. An update of many (of one, by id), so the embedded engine checks the filter as it writes.
    /// </summary>
    public async Task<bool> TryKeepPendingAsync(string userId, string protectedSecret, CancellationToken ct) =>
        (await users.UpdateManyAsync(
            Builders<User>.Filter.Eq(u => u.Id, userId) & Builders<User>.Filter.Exists(u => u.TwoFactor, false),
            Builders<User>.Update.Set(u => u.PendingTwoFactorSecret, protectedSecret),
            cancellationToken: ct)).MatchedCount == 1;
}
