using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Auth.Login;

internal sealed record Account(string Id, string Username, string PasswordHash);

internal sealed class Data(IMongoCollection<User> users, IMongoCollection<LoginThrottle> throttle)
{
    public async Task<Account?> FindAccountAsync(string username, CancellationToken ct) =>
        await users.Find(u => u.UsernameKey == User.KeyOf(username))
            .Project(u => new Account(u.Id, u.Username, u.PasswordHash))
            .FirstOrDefaultAsync(ct);

    /// <summary>Counts one more attempt in the current window (a window that has passed starts over) and answers the tally.</summary>
    public async Task<LoginThrottle> CountAttemptAsync(string clientAddress, string username, DateTime now, TimeSpan window, CancellationToken ct)
    {
        var key = ThrottleKey(clientAddress, username);
        await throttle.DeleteOneAsync(t => t.Id == key && t.WindowEndsAt <= now, ct);
        try
        {
            return await IncrementAsync(key, now + window, ct);
        }
        catch (MongoException ex) when (ex.IsDuplicateKey())
        {
            // Two first attempts raced to open the window; the loser counts itself into the winner's.
            return await IncrementAsync(key, now + window, ct);
        }
    }

    public Task ForgetAttemptsAsync(string clientAddress, string username, CancellationToken ct) =>
        throttle.DeleteOneAsync(t => t.Id == ThrottleKey(clientAddress, username), ct);

    async Task<LoginThrottle> IncrementAsync(string key, DateTime windowEndsAt, CancellationToken ct) =>
        await throttle.FindOneAndUpdateAsync(
            Builders<LoginThrottle>.Filter.Eq(t => t.Id, key),
            Builders<LoginThrottle>.Update.Inc(t => t.Attempts, 1).SetOnInsert(t => t.WindowEndsAt, windowEndsAt),
            new FindOneAndUpdateOptions<LoginThrottle> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            ct)
        // MongoDB always returns the tally it upserted. The embedded engine can return none when a sign-in succeeding at that
        // moment deletes the tally; this attempt then stands alone.
        ?? new LoginThrottle { Id = key, Attempts = 1, WindowEndsAt = windowEndsAt };

    static string ThrottleKey(string clientAddress, string username) => $"{clientAddress}|{User.KeyOf(username)}";
}
