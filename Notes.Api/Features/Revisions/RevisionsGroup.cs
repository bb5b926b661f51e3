namespace Notes.Api.Features.Revisions;

/// <summary>Every revisions endpoint: under <c>/api/notes/{id}/revisions</c>, tagged Revisions, with the answers they all may give.</summary>
internal sealed class RevisionsGroup() : ApiGroup("api/notes/{id}/revisions", "Revisions", everyEndpointAsksTheDatabase: true, acceptsAccessTokens: true)
{
    /// <summary>The route's version, for every endpoint that names one.</summary>
    public const string VersionParameter = "The version of the note the revision was: as the list of its revisions gives it.";
}
