namespace Notes.Api.Features.Account.ChangePassword;

internal sealed record StoredPassword(string PasswordHash);

internal sealed class Data(IMongoCollection<User> users, IMongoCollection<Session> sessions)
{
    // The session check has just proved the user exists. Projected into a record whose member is named as the stored field, not to
    // the bare string or a renamed member: the driver reads those from fields the server builds, and the embedded engine ignores
    // find projections, so it would read nothing.
    public async Task<string> FindPasswordHashAsync(string userId, CancellationToken ct) =>
        (await users.Find(u => u.Id == userId).Project(u => new StoredPassword(u.PasswordHash)).SingleAsync(ct)).PasswordHash;

    /// <summary>
    /// Replaces the hash only while it is still the one the current password was checked against, so of two changes racing from
    /// the same password one wins and the other is told its current password is wrong, as it has become. An update of many (of
    /// one, by id): the embedded engine checks the filter in the same step as it writes only there, as NoteWriter explains.
    /// </summary>
    public async Task<bool> TryReplacePasswordHashAsync(string userId, string currentHash, string newHash, CancellationToken ct) =>
        (await users.UpdateManyAsync(u => u.Id == userId && u.PasswordHash == currentHash, Builders<User>.Update.Set(u => u.PasswordHash, newHash), cancellationToken: ct))
        .MatchedCount == 1;

    /// <summary>Deletes every session of the user, so every token they hold is refused at once by every instance's session check.</summary>
    public async Task<long> EndAllSessionsAsync(string userId, CancellationToken ct) =>
        (await sessions.DeleteManyAsync(s => s.UserId == userId, ct)).DeletedCount;
}
