namespace Notes.Api.Features.Notes;

/// <summary>Every notes endpoint: under <c>/api/notes</c>, tagged Notes, with the answers they all may give.</summary>
internal sealed class NotesGroup() : ApiGroup("api/notes", "Notes", everyEndpointAsksTheDatabase: true, acceptsAccessTokens: true)
{
    /// <summary>The <c>ETag</c> a note comes with.</summary>
    public static ResponseHeader ETagHeader(int status) => new(status, "ETag")
    {
        Description = "The note's version as an entity tag (\"<version>\"): send it back as If-Match to update only that version.",
        Example = "\"3\"",
    };
}
