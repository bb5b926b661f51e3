namespace Notes.Api.Features.Notes.Patch;

/// <summary>
/// A JSON merge patch (RFC 7396) of a note: a member it holds changes that field, null sets it back to its default, and a member it
/// leaves out leaves the field as it is. The JSON reader sets only the members present (null ones too), which is how it tells them apart.
/// </summary>
internal sealed record Request : SignedInRequest
{
    [Flags]
    internal enum Member
    {
        None = 0,
        Title = 1,
        Description = 2,
        Pinned = 4,
        Tags = 8,
        Archived = 16,
        Trashed = 32,

        /// <summary>What the note says: a patch that holds any of these moves its updatedAt.</summary>
        Content = Title | Description | Tags,
    }

    Member _sent;

    [DontBind(Source.QueryParam)] // the route's id alone: a query's id= would take its place (and is not checked)
    public string Id { get; init; } = "";

    /// <summary>The version the client last read, as its ETag; without it the last write wins.</summary>
    [FromHeader("If-Match", IsRequired = false, RemoveFromSchema = true)]
    public string? IfMatch { get; init; }

    /// <summary>The new title, trimmed; it cannot be null.</summary>
    public string? Title { get; init => field = Sent(value, Member.Title); }

    /// <summary>The new description; null empties it.</summary>
    public string? Description { get; init => field = Sent(value, Member.Description); }

    /// <summary>Whether the note is pinned; null unpins it.</summary>
    public bool? Pinned { get; init => field = Sent(value, Member.Pinned); }

    /// <summary>The note's tags, all of them, replacing the ones it had: up to 20, normalised as on add; null removes them all.</summary>
    public IReadOnlyList<string>? Tags { get; init => field = Sent(value, Member.Tags); }

    /// <summary>Whether the note is archived; null takes it out of the archive.</summary>
    public bool? Archived { get; init => field = Sent(value, Member.Archived); }

    /// <summary>True moves the note to the trash (to be deleted for good after Notes:TrashRetention); false or null restores it.</summary>
    public bool? Trashed { get; init => field = Sent(value, Member.Trashed); }

    /// <summary>Whether the patch holds any of <paramref name="members"/>.</summary>
    public bool Holds(Member members) => (_sent & members) != 0;

    T Sent<T>(T value, Member member)
    {
        _sent |= member;
        return value;
    }

    internal sealed class Validator : Validator<Request>
    {
        const Member Any = Member.Title | Member.Description | Member.Pinned | Member.Tags | Member.Archived | Member.Trashed;

        public Validator()
        {
            RuleFor(r => r)
                .Must(r => r.Holds(Any))
                .OverridePropertyName("")
                .WithMessage("The patch changes nothing: send at least one of title, description, pinned, tags, archived, trashed.");
            RuleFor(r => r.Title).MustBeATitle().When(r => r.Holds(Member.Title));
            RuleFor(r => r.Description).MustBeADescription();
            RuleFor(r => r.Tags).MustBeTags();
        }
    }
}
