namespace Notes.Api.Features.Auth.Login;

internal sealed record Account(string Id, string Username, string PasswordHash, TwoFactor? TwoFactor);

internal sealed class Data(IMongoCollection<User> users)
{
    /// <summary>The account by its name, unless its deletion has begun: from then on it signs in as an unknown user.</summary>
    public async Task<Account?> FindAccountAsync(string username, CancellationToken ct) =>
        await users.Find(Builders<User>.Filter.Eq(u => u.UsernameKey, User.KeyOf(username)) & Builders<User>.Filter.Exists(u => u.DeletingSince, false))
            .Project(u => new Account(u.Id, u.Username, u.PasswordHash, u.TwoFactor))
            .FirstOrDefaultAsync(ct);
}
