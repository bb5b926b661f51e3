namespace Notes.Api.Features.Revisions.Get;

/// <param name="Version">The version of the note this was.</param>
/// <param name="SavedAt">When this version was written.</param>
internal sealed record Response(int Version, string Title, string Description, DateTime SavedAt)
{
    public static Response From(Revision revision) => new(revision.Version, revision.Title, revision.Description, revision.SavedAt);
}
