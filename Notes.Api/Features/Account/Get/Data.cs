using Notes.Api.Features.Notes;

namespace Notes.Api.Features.Account.Get;

// Members named as the stored fields: the embedded engine ignores find projections (see ChangePassword's Data).
internal sealed record Profile(string Id, string Username, DateTime CreatedAt, TwoFactor? TwoFactor);

internal sealed class Data(IMongoCollection<User> users, IMongoCollection<Note> notes)
{
    // The session check has just proved the user exists.
    public Task<Profile> FindProfileAsync(string userId, CancellationToken ct) =>
        users.Find(u => u.Id == userId).Project(u => new Profile(u.Id, u.Username, u.CreatedAt, u.TwoFactor)).SingleAsync(ct);

    /// <summary>
    /// The notes the user keeps: those they can reach outside the trash, archived ones included. A note in the trash is on its way
    /// out, so it is not counted. A walk along the owner's stretch of the index the list's views use (owner, then trashedAt).
    /// </summary>
    public Task<long> CountKeptNotesAsync(string userId, CancellationToken ct) =>
        notes.CountDocumentsAsync(Reachable.OutsideTrash(userId), cancellationToken: ct);
}
