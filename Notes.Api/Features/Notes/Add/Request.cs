namespace Notes.Api.Features.Notes.Add;

internal sealed record Request : NoteContent
{
    public bool? Pinned { get; init; }

    /// <summary>Up to 20 tags: letters of any script, digits, -, _ and / (to nest: work/clients). Stored in lower case.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    public bool? Archived { get; init; }

    /// <summary>A key of the client's choosing for this add: a retry with the same key and body is answered without a second note.</summary>
    [FromHeader(IdempotencyKeys.Header, IsRequired = false, RemoveFromSchema = true)]
    public string? IdempotencyKey { get; init; }

    internal sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            Include(new Rules());
            RuleFor(r => r.Tags).MustBeTags();
            RuleFor(r => r.IdempotencyKey)
                .Must(key => key is null || key.Length is > 0 and <= IdempotencyKeys.MaxKeyLength)
                .WithMessage($"Idempotency-Key must be 1 to {IdempotencyKeys.MaxKeyLength} characters.");
        }
    }
}
