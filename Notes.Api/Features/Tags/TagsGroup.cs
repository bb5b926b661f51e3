namespace Notes.Api.Features.Tags;

/// <summary>Every tag endpoint: under <c>/api/tags</c>, tagged Tags, with the answers they all may give.</summary>
internal sealed class TagsGroup() : ApiGroup("api/tags", "Tags", everyEndpointAsksTheDatabase: true, acceptsAccessTokens: true)
{
    /// <summary>What the route's tag name may be, for every endpoint that names one.</summary>
    public const string NameParameter =
        "The tag, nested levels and all (work/clients), its / as it is or escaped as %2F; letter case does not matter.";
}
