namespace Notes.Api.Features.Account.DisableTwoFactor;

internal sealed class Data(IMongoCollection<User> users)
{
    /// <summary>
    /// Turns two-step sign-in off, only while it is still the one the code was checked against. An update of many (of one, by id),
    /// so the embedded engine checks the filter as it writes.
    /// </summary>
    public async Task<bool> TryDisableAsync(string userId, TwoFactor twoFactor, CancellationToken ct) =>
        (await users.UpdateManyAsync(
            Builders<User>.Filter.Eq(u => u.Id, userId) & Builders<User>.Filter.Eq(u => u.TwoFactor!.Secret, twoFactor.Secret),
            Builders<User>.Update.Unset(u => u.TwoFactor),
            cancellationToken: ct)).MatchedCount == 1;
}
