namespace Notes.Api.Features.Account.Get;

internal sealed record Response(string Id, string Username, DateTime CreatedAt, bool TwoFactorEnabled, long NoteCount);
