using Notes.Api.Infrastructure.Auth;

namespace Notes.Api.Features.Notes.Update;

internal sealed record Request : SignedInRequest
{
    public string Id { get; init; } = "";

    /// <summary>The version the client last read, as its ETag; without it the last write wins.</summary>
    [FromHeader("If-Match", IsRequired = false, RemoveFromSchema = true)]
    public string? IfMatch { get; init; }

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
