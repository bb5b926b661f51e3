namespace Notes.Api.Features.Notes.Update;

internal sealed class Request
{
    [FromClaim("sub")]
    public string UserId { get; init; } = "";

    public string Id { get; init; } = "";

    /// <summary>The version the client last read, as its ETag; without it the last write wins.</summary>
    [FromHeader("If-Match", IsRequired = false, RemoveFromSchema = true)]
    public string? IfMatch { get; init; }

    public string? Title { get; init; }
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
