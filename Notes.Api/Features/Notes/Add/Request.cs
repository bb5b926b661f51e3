namespace Notes.Api.Features.Notes.Add;

internal sealed class Request
{
    [FromClaim("sub")]
    public string UserId { get; init; } = "";

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
