using Notes.Api.Infrastructure.Http;

namespace Notes.Api.Tests.Infrastructure.Auth;

/// <summary>
/// Who may call what, read from the app's own routing table (with the dashboard served, so its fallback route is there too):
/// an endpoint added tomorrow is judged by these tests the moment it exists.
/// </summary>
public sealed class AccessControlTests(DashboardApi api) : IClassFixture<DashboardApi>
{
    [Fact]
    public async Task Only_register_login_health_the_api_documents_the_dashboard_and_share_links_let_anonymous_callers_in()
    {
        var routes = Routes();

        Assert.All(routes.Where(r => r.Anonymous), route => Assert.True(MayBeAnonymous(route), $"{route} lets callers without a token in"));
        // The table was read: the two sign-in doors are there, and so is what they lead to.
        Assert.Contains(new Route("POST", "api/auth/register", Anonymous: true), routes);
        Assert.Contains(new Route("POST", "api/auth/login", Anonymous: true), routes);
        Assert.Contains(new Route("GET", "api/notes", Anonymous: false), routes);
        // Served by middleware rather than routed, so checked by calling them: still reachable without a token.
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/docs/index.html")).StatusCode);
    }

    [Fact]
    public async Task Every_other_endpoint_without_a_token_returns_401_Authentication_required()
    {
        var client = api.CreateClient();

        await Assert.AllAsync(ProtectedRoutes(), async route =>
            await (await client.SendAsync(RequestTo(route))).AuthenticationRequiredAsync());
    }

    [Fact]
    public async Task Every_other_endpoint_checks_the_session_and_refuses_a_revoked_token()
    {
        var user = await api.SignedInUserAsync();
        await user.Client.PostAsync("/api/auth/logout", null);

        await Assert.AllAsync(ProtectedRoutes(), async route =>
            await (await user.Client.SendAsync(RequestTo(route))).TokenRefusedAsync("Token has been revoked"));
    }

    [Theory]
    [InlineData("/_test_url_cache_")]
    [InlineData("/_TEST_URL_CACHE_/")]
    public async Task FastEndpoints_own_test_route_is_answered_404_and_names_no_endpoint(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("Notes.Api", problem.ToJsonString());
    }

    /// <summary>The only doors open without a session: signing up and in, health probes, the API's own documents, the dashboard, a share link.</summary>
    static bool MayBeAnonymous(Route route) => route switch
    {
        { Method: "POST", Pattern: "api/auth/register" or "api/auth/login" } => true,
        { Pattern: var p } when p == "healthz" || p.StartsWith("healthz/", StringComparison.Ordinal) => true,
        { Pattern: var p } when p.StartsWith("openapi/", StringComparison.Ordinal) || p == "docs" || p.StartsWith("docs/", StringComparison.Ordinal) => true,
        // The dashboard: a client route (no file extension) answered with its index page, which holds no data.
        { Pattern: "{*path:nonfile}" } => true,
        // A share link, read by whoever holds it: the token in the path is the credential (see Features/Shares/Read).
        { Method: "GET", Pattern: "api/shared/{token}" } => true,
        // Mapped by FastEndpoints itself, but never reached: see FastEndpoints_own_test_route_is_answered_404_and_names_no_endpoint.
        { Method: "GET", Pattern: FastEndpointsTestRoute.Pattern } => true,
        _ => false,
    };

    List<Route> Routes() => RoutingTable.Routes(api);

    List<Route> ProtectedRoutes() => RoutingTable.ProtectedRoutes(api);

    static HttpRequestMessage RequestTo(Route route) => RoutingTable.RequestTo(route);
}
