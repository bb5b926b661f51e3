using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Features.Notes.Add;

internal sealed record Request : SignedInRequest
{
    // A JSON null reads as empty, like a missing title, which the rules below refuse.
    public string Title { get; init => field = value ?? ""; } = "";
    public string? Description { get; init; }

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).ValidNoteTitle();
            RuleFor(r => r.Description).ValidNoteDescription();
        }
    }
}
