namespace Notes.Api.Features.Auth.Login;

internal sealed record Account(string Id, string Username, string PasswordHash);

internal sealed class Data(IMongoCollection<User> users)
{
    public async Task<Account?> FindAccountAsync(string username, CancellationToken ct) =>
        await users.Find(u => u.UsernameKey == User.KeyOf(username))
            .Project(u => new Account(u.Id, u.Username, u.PasswordHash))
            .FirstOrDefaultAsync(ct);
}
