namespace Notes.Api.Infrastructure.OpenApi;

/// <summary>
/// An endpoint group: it owns its endpoints' route prefix and tag, and the answers they all may give: 413 for a body over the limit,
/// which the server refuses before any endpoint runs, and, for a group whose every endpoint asks the database, 503 while it is away.
/// </summary>
internal abstract class ApiGroup : Group
{
    /// <param name="acceptsAccessTokens">
    /// Whether a personal access token may call the group's endpoints (a read token only their GET and HEAD): only groups about
    /// the user's notes ask for it; the rest, the account and sessions above all, answer a token 403 insufficient_scope.
    /// </param>
    protected ApiGroup(string prefix, string tag, bool everyEndpointAsksTheDatabase, bool acceptsAccessTokens = false) =>
        Configure(prefix, endpoint =>
        {
            if (acceptsAccessTokens)
                endpoint.Options(b => b.WithMetadata(AccessTokensAccepted.Instance));
            // The group's own address (an endpoint's empty route) without the trailing slash that joining it to the prefix leaves.
            for (var i = 0; i < endpoint.Routes.Length; i++)
                endpoint.Routes[i] = endpoint.Routes[i].TrimEnd('/');

            endpoint.Description(d => d.WithTags(tag).ProducesProblems(StatusCodes.Status413PayloadTooLarge));
            endpoint.Summary(s => s.Responses[StatusCodes.Status413PayloadTooLarge] = "The request body is over the limit.");
            if (everyEndpointAsksTheDatabase)
            {
                endpoint.Description(d => d.ProducesProblems(StatusCodes.Status503ServiceUnavailable));
                endpoint.Summary(s =>
                {
                    s.Responses[StatusCodes.Status503ServiceUnavailable] = "The database is unavailable; try again after Retry-After.";
                    s.ResponseHeaders.Add(ProblemResponses.RetryAfter(StatusCodes.Status503ServiceUnavailable));
                });
            }
        });
}
