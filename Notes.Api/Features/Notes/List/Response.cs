namespace Notes.Api.Features.Notes.List;

internal sealed record Response(IReadOnlyList<NoteResponse> Items, int Page, int PageSize, long Total);
