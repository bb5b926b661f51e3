namespace Notes.Api.Features.Shares.List;

internal sealed class Data(IMongoCollection<Share> shares)
{
    /// <summary>The note's links, newest first, expired ones too: their owner may still want to see who opened them.</summary>
    public Task<List<Response>> FindAsync(string noteId, string ownerId, CancellationToken ct) =>
        shares.Find(s => s.OwnerId == ownerId && s.NoteId == noteId)
            .SortByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Project(s => new Response(s.Id, s.CreatedAt, s.ExpiresAt, s.Views, s.LastViewedAt))
            .ToListAsync(ct);
}
