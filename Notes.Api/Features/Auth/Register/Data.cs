using Notes.Api.Infrastructure.Mongo;

namespace Notes.Api.Features.Auth.Register;

internal sealed class Data(IMongoCollection<User> users)
{
    /// <summary>Inserts the account, or answers null when the unique index says the username is taken (in any letter case).</summary>
    public async Task<User?> TryCreateAsync(string username, string passwordHash, DateTime now, CancellationToken ct)
    {
        var user = new User { Username = username, UsernameKey = User.KeyOf(username), PasswordHash = passwordHash, CreatedAt = now };
        try
        {
            await users.InsertOneAsync(user, cancellationToken: ct);
            return user;
        }
        catch (MongoException ex) when (ex.IsDuplicateKey())
        {
            return null;
        }
    }
}
