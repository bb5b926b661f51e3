namespace Notes.Api.Features.Transfer.Import;

internal sealed record Request : SignedInRequest
{
    /// <summary>A NotesSlices export (.json), a Markdown or text file (.md, .markdown, .txt), or a zip of Markdown and text files.</summary>
    public IFormFile? File { get; init; }

    /// <summary>A key of the client's choosing for this import: a retry with the same key and file is answered without importing again.</summary>
    [FromHeader(IdempotencyKeys.Header, IsRequired = false, RemoveFromSchema = true)]
    public string? IdempotencyKey { get; init; }

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.File).NotNull().WithMessage("Send one file, in the form field named file.");
            RuleFor(r => r.IdempotencyKey)
                .Must(key => key is null || key.Length is > 0 and <= IdempotencyKeys.MaxKeyLength)
                .WithMessage($"Idempotency-Key must be 1 to {IdempotencyKeys.MaxKeyLength} characters.");
        }
    }
}
